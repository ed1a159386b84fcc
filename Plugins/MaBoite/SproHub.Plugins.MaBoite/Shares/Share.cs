using SproHub.Plugins.MaBoite.Files;
using SproHub.Shared.Errors;

namespace SproHub.Plugins.MaBoite.Shares;

/// <summary>Read: the adviser opens and downloads. Edit: also adds documents to a shared folder, or a corrected version of a shared file.</summary>
public enum ShareAccess { Read, Edit }

/// <summary>
/// A person lets an agent of a SPRO structure (known by the address the network keeps for them) into one file or folder
/// of their space, until a date they choose; they may revoke it at any time. The agent reaches nothing else.
/// </summary>
public sealed class Share
{
    /// <summary>Long enough for a guidance path's stage; a longer one is shared again.</summary>
    public const int MaxDays = 366;

    public Guid Id { get; set; }
    public required string TerritoryId { get; set; }
    public Guid SpaceId { get; set; }
    public ItemKind ItemKind { get; set; }
    public Guid ItemId { get; set; }
    /// <summary>Lower case: the agent is recognised by the address of their account.</summary>
    public required string AgentEmail { get; set; }
    public required string AgentName { get; set; }
    public Guid StructureId { get; set; }
    public ShareAccess Access { get; set; }
    /// <summary>The last day the agent may open it (Paris time).</summary>
    public DateOnly ExpiresOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastOpenedAt { get; set; }

    public bool IsActive(DateOnly today) => RevokedAt is null && today <= ExpiresOn;

    public string State(DateOnly today) => RevokedAt is not null ? "Révoqué" : today > ExpiresOn ? "Expiré" : "Actif";

    public static void CheckExpiry(DateOnly expiresOn, DateOnly today)
    {
        if (expiresOn < today) throw new RuleViolationException("expiresOn", "date-future", "Choisissez une date de fin de partage à venir.");
        if (expiresOn > today.AddDays(MaxDays)) throw new RuleViolationException("expiresOn", "un-an-au-plus", "Un partage dure un an au plus : vous pourrez le renouveler.");
    }

    public static string AccessLabel(ShareAccess access) => access == ShareAccess.Edit ? "consultation et ajout de documents" : "consultation seule";
}

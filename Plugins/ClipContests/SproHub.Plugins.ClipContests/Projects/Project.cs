using SproHub.Shared.Errors;

namespace SproHub.Plugins.ClipContests.Projects;

/// <summary>A team's project: the job or sector it films, the edition's theme it takes, its scenario, who it films and where.</summary>
public sealed class Project
{
    public const int ShortMaxLength = 200;
    public const int ScenarioMaxLength = 4000;

    public string? Job { get; set; }
    public string? Theme { get; set; }
    public string? Scenario { get; set; }
    /// <summary>The professional filmed at work (a name, for the permissions).</summary>
    public string? FilmedPerson { get; set; }
    /// <summary>The employer whose workplace is filmed.</summary>
    public string? Workplace { get; set; }
}

public enum PermissionKind
{
    /// <summary>The filmed person agrees to be filmed.</summary>
    Filming,
    /// <summary>The filmed person agrees to the clip's publication (screening, gallery).</summary>
    Publishing,
    /// <summary>The employer agrees to filming at the workplace.</summary>
    Workplace,
}

/// <summary>A signed permission, dated and uploaded (a scan or a photo of the signed sheet).</summary>
public sealed class FilmingPermission
{
    public const int SignedByMaxLength = 200;
    public const long MaxBytes = 10 * 1024 * 1024;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TeamId { get; set; }
    public PermissionKind Kind { get; set; }
    public string SignedBy { get; set; } = "";
    public DateOnly SignedOn { get; set; }
    public AttachedFile Document { get; set; } = new();
    public DateTimeOffset RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";

    public static string Label(PermissionKind kind) => kind switch
    {
        PermissionKind.Filming => "accord de la personne filmée pour le tournage",
        PermissionKind.Publishing => "accord de la personne filmée pour la diffusion",
        _ => "accord de l'employeur pour filmer sur le lieu de travail",
    };

    /// <summary>The rule « autorisations »: every kind, or the clip is neither published nor screened.</summary>
    public static IReadOnlyList<PermissionKind> Missing(IEnumerable<FilmingPermission> held) => Enum.GetValues<PermissionKind>().Except(held.Select(p => p.Kind)).ToList();

    public static void EnsureComplete(IEnumerable<FilmingPermission> held, string teamName)
    {
        var missing = Missing(held);
        if (missing.Count > 0)
            throw new RuleViolationException("permissions", "autorisations-manquantes",
                $"Le clip de l'équipe « {teamName} » ne peut être ni publié ni projeté sans toutes ses autorisations de tournage : il manque {string.Join(", ", missing.Select(Label))}.");
    }

    /// <summary>Signed on a day that has come, within the edition's year or the one before (a sheet from another project is no permission).</summary>
    public static void CheckDate(DateOnly signedOn, DateOnly today, int editionYear)
    {
        if (signedOn > today) throw new RuleViolationException("signedOn", "date-autorisation", "Une autorisation ne peut pas être datée dans le futur.");
        if (signedOn.Year < editionYear - 1) throw new RuleViolationException("signedOn", "date-autorisation", $"Cette autorisation est trop ancienne pour l'édition {editionYear}.");
    }
}

using SproHub.Shared.Data;
using SproHub.Shared.Errors;

namespace SproHub.Governance.Agreements;

public enum AgreementKind { RegionalSpecification, Implementation }

public enum AmendmentStatus { Draft, Voted, SentToCoordinator, Forwarded, Compiled }

public enum SignatureMethod { Acknowledgement, ScannedCopy }

/// <summary>
/// The regional specification (<i>cahier des charges</i>, signed by networks) or a local SPRO's implementation
/// agreement (<i>convention de mise en œuvre</i>, signed by structures). Partners join through amendments.
/// </summary>
public sealed class Agreement : IVersioned
{
    public const string RegionScope = "region";

    public Guid Id { get; set; } = Guid.NewGuid();
    public AgreementKind Kind { get; set; }
    /// <summary>The local SPRO; <see cref="RegionScope"/> for the regional specification.</summary>
    public required string TerritoryId { get; set; }
    public required string Title { get; set; }
    public DateOnly SignedOn { get; set; }
    public int Version { get; set; }
    public List<AgreementParty> Parties { get; set; } = [];

    /// <summary>Who had signed on a date: the original signatories, then those whose amendment was compiled by then.</summary>
    public IReadOnlyList<AgreementParty> SignatoriesAt(DateOnly date) =>
        Parties.Where(p => p.JoinedOn <= date).OrderBy(p => p.JoinedOn).ThenBy(p => p.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true)).ToList();
}

/// <param name="StructureId">Null for a network signing the regional specification.</param>
public sealed class AgreementParty
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AgreementId { get; set; }
    public Guid? StructureId { get; set; }
    public required string Name { get; set; }
    public required string Network { get; set; }
    public DateOnly JoinedOn { get; set; }
    /// <summary>The amendment it joined by; null for an original signatory.</summary>
    public Guid? AmendmentId { get; set; }
    public int? AmendmentNumber { get; set; }
}

/// <summary>
/// An amendment (<i>avenant</i>), mainly to add partners: drafted by the Région, voted by the CPR, sent to the
/// coordinator, forwarded to every member, signed by each signatory structure, then compiled by the Région and
/// returned to the territory. On compilation its new partners join the agreement.
/// </summary>
public sealed class Amendment : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AgreementId { get; set; }
    public required string TerritoryId { get; set; }
    public int Number { get; set; }
    public required string Title { get; set; }
    public string Purpose { get; set; } = "";
    public AmendmentStatus Status { get; set; }
    public DateOnly? CprVoteOn { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? ForwardedAt { get; set; }
    public DateOnly? CompiledOn { get; set; }
    public int Version { get; set; }
    public List<NewPartner> NewPartners { get; set; } = [];
    public List<AmendmentSignature> Signatures { get; set; } = [];

    /// <summary>The workflow's order: each step only from the one before it.</summary>
    public void Require(AmendmentStatus expected, string step)
    {
        if (Status != expected)
            throw new RuleViolationException("status", "etape-avenant", $"Impossible de {step} : l'avenant est à l'étape « {AmendmentLabels.Of(Status)} », il doit être à l'étape « {AmendmentLabels.Of(expected)} ».");
    }

    /// <summary>Those who must sign: the agreement's signatories when it is sent, and the partners it adds.</summary>
    public void ListSignatories(Agreement agreement, DateOnly on)
    {
        Signatures.Clear();
        foreach (var party in agreement.SignatoriesAt(on).Where(p => p.StructureId is not null))
            Signatures.Add(new AmendmentSignature { AmendmentId = Id, StructureId = party.StructureId!.Value, StructureName = party.Name });
        foreach (var partner in NewPartners.Where(p => Signatures.All(s => s.StructureId != p.StructureId)))
            Signatures.Add(new AmendmentSignature { AmendmentId = Id, StructureId = partner.StructureId, StructureName = partner.Name });
    }

    public bool AllSigned => Signatures.Count > 0 && Signatures.All(s => s.SignedOn is not null);

    /// <summary>Compiling makes the new partners signatories from that day.</summary>
    public void Compile(Agreement agreement, DateOnly on)
    {
        Require(AmendmentStatus.Forwarded, "compiler l'avenant");
        var missing = Signatures.Count(s => s.SignedOn is null);
        if (missing > 0) throw new RuleViolationException("signatures", "signatures-completes", $"{SproHub.Shared.Text.French.Count(missing, "structure n'a", "structures n'ont")} pas encore signé : l'avenant se compile quand toutes ont signé.");
        var lastSignature = Signatures.Max(s => s.SignedOn!.Value);
        if (on < lastSignature) throw new RuleViolationException("compiledOn", "apres-signatures", $"La compilation suit la dernière signature ({lastSignature:dd/MM/yyyy}).");
        foreach (var partner in NewPartners)
            agreement.Parties.Add(new AgreementParty { AgreementId = agreement.Id, StructureId = partner.StructureId, Name = partner.Name, Network = partner.Network, JoinedOn = on, AmendmentId = Id, AmendmentNumber = Number });
        CompiledOn = on;
        Status = AmendmentStatus.Compiled;
    }
}

public sealed class NewPartner
{
    public Guid AmendmentId { get; set; }
    public Guid StructureId { get; set; }
    public required string Name { get; set; }
    public required string Network { get; set; }
}

public sealed class AmendmentSignature
{
    public Guid AmendmentId { get; set; }
    public Guid StructureId { get; set; }
    public required string StructureName { get; set; }
    public DateOnly? SignedOn { get; set; }
    public string? SignatoryName { get; set; }
    public string? SignatoryRole { get; set; }
    public SignatureMethod? Method { get; set; }
    public Guid? DocumentId { get; set; }
    public string? DocumentName { get; set; }
    public string? DocumentSha256 { get; set; }
    /// <summary>As detected from the content when it was stored.</summary>
    public string? DocumentContentType { get; set; }
    public string? RecordedBy { get; set; }
    public int Reminders { get; set; }
    public DateTimeOffset? LastRemindedAt { get; set; }
}

public static class AmendmentLabels
{
    public static string Of(AmendmentStatus status) => status switch
    {
        AmendmentStatus.Draft => "projet rédigé par la Région",
        AmendmentStatus.Voted => "voté en CPR",
        AmendmentStatus.SentToCoordinator => "envoyé au coordonnateur",
        AmendmentStatus.Forwarded => "transmis aux membres, en signature",
        AmendmentStatus.Compiled => "compilé et renvoyé au territoire",
        _ => status.ToString(),
    };

    public static string Of(AgreementKind kind) => kind == AgreementKind.RegionalSpecification ? "Cahier des charges régional" : "Convention de mise en œuvre";
}

using SproHub.Shared.Data;
using SproHub.Shared.Errors;
using SproHub.Shared.Text;

namespace SproHub.Budgets.Envelopes;

/// <summary>
/// An envelope the Région allots to a department or a local SPRO for a period, with the structure that carries it (the
/// seeds' example: 15,000 € to Cher for 2015/2016, to finish territory projects and pay operating costs).
/// </summary>
public sealed class Envelope : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>A local SPRO's slug, or a department's (<c>departement-18</c>) for an envelope of the whole department.</summary>
    public required string TerritoryId { get; set; }
    public required string TerritoryName { get; set; }
    /// <summary>The department (its code) the envelope belongs to, for the Région's filters.</summary>
    public required string DepartmentCode { get; set; }
    public required string Purpose { get; set; }
    public decimal Amount { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public Guid CarrierStructureId { get; set; }
    public required string CarrierName { get; set; }
    /// <summary>The date of the Région's vote allotting it.</summary>
    public DateOnly AllottedOn { get; set; }
    public required string RecordedBy { get; set; }
    public int Version { get; set; }

    public const string SecondRule = "seconde-enveloppe";

    /// <summary>
    /// A second envelope for the same recipient over the same days is possible (a top-up) but never by mistake: the Région
    /// confirms it, having been shown the envelopes already there and the total they would make.
    /// </summary>
    public static void CheckSecond(string recipient, decimal amount, IReadOnlyList<Envelope> overlapping, bool confirmed)
    {
        if (overlapping.Count == 0 || confirmed) return;
        var listed = string.Join(" ; ", overlapping.OrderBy(e => e.StartsOn).Select(e =>
            $"{French.Euros(e.Amount)} du {e.StartsOn:dd/MM/yyyy} au {e.EndsOn:dd/MM/yyyy}, portée par {e.CarrierName} ({e.Purpose})"));
        throw new RuleViolationException("confirmSecond", SecondRule,
            $"Pour {recipient}, {(overlapping.Count == 1 ? "une enveloppe couvre" : $"{overlapping.Count} enveloppes couvrent")} déjà cette période : {listed}. "
            + $"Avec celle-ci ({French.Euros(amount)}), le total serait de {French.Euros(overlapping.Sum(e => e.Amount) + amount)}. Confirmez pour allouer une enveloppe de plus.");
    }
}

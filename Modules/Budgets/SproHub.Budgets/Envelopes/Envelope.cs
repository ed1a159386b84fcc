using SproHub.Shared.Data;

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
}

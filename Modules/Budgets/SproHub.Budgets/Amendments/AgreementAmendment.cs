namespace SproHub.Budgets.Amendments;

/// <summary>An amendment (<i>avenant</i>) of a financial agreement extending its end date, voted by the CPR, allowed only while under half the grant is spent.</summary>
public sealed class AgreementAmendment
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AgreementId { get; set; }
    public int Number { get; set; }
    public DateOnly PreviousEndsOn { get; set; }
    public DateOnly NewEndsOn { get; set; }
    public required string Reason { get; set; }
    public DateOnly SignedOn { get; set; }
    /// <summary>The day the CPR (<i>commission permanente régionale</i>) voted the extension, before it was signed.</summary>
    public DateOnly CprVoteOn { get; set; }
    /// <summary>The share of the grant spent the day it was signed (under 50%).</summary>
    public decimal ConsumptionRate { get; set; }
    public required string RecordedBy { get; set; }
}

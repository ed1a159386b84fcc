using SproHub.Budgets.Requests;

namespace SproHub.Budgets.Spending;

/// <summary>
/// One entry of the carrier's spending statement on a granted line (an invoice, a salary share...). Entries are never
/// edited: a mistake is answered by a new, reasoned correction (negative or positive), which is also the only way to
/// change a closed year.
/// </summary>
public sealed class SpendingEntry
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid RequestId { get; set; }
    public Guid LineId { get; set; }
    public DateOnly SpentOn { get; set; }
    public decimal Amount { get; set; }
    /// <summary>What was paid for, with its supporting document's reference.</summary>
    public required string Label { get; set; }
    /// <summary>Why this entry corrects the statement; required for a negative amount and after the closure.</summary>
    public string? CorrectionReason { get; set; }
    /// <summary>Recorded after the year was closed: shown beside the locked figures, never merged into them.</summary>
    public bool AfterClosure { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

using SproHub.Budgets.Requests;

namespace SproHub.Budgets.Closure;

/// <summary>A line of a closed year's statement: what was granted and spent on it the day the year was closed.</summary>
public sealed class ClosedLine
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid RequestId { get; set; }
    public Guid LineId { get; set; }
    public int Order { get; set; }
    public LineKind Kind { get; set; }
    public required string Label { get; set; }
    public decimal Granted { get; set; }
    public decimal Spent { get; set; }
}

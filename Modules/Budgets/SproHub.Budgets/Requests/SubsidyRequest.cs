using SproHub.Budgets.Amendments;
using SproHub.Budgets.Closure;
using SproHub.Budgets.Spending;
using SproHub.Shared.Data;
using SproHub.Shared.Errors;

namespace SproHub.Budgets.Requests;

public enum LineKind { Project, Coordination }

public enum RequestStatus { Draft, Filed }

public sealed class RequestLine
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid RequestId { get; set; }
    public int Order { get; set; }
    public LineKind Kind { get; set; }
    public required string Label { get; set; }
    public decimal Amount { get; set; }
    /// <summary>What the Région granted for this line (its decision), null until it decides.</summary>
    public decimal? Granted { get; set; }
}

public enum PaymentKind { Advance, Balance }

/// <summary>A payment of the Région to the carrier, with its date and reference; never beyond what was granted.</summary>
public sealed class Payment
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid RequestId { get; set; }
    public PaymentKind Kind { get; set; }
    public decimal Amount { get; set; }
    public DateOnly PaidOn { get; set; }
    public required string Reference { get; set; }
    public string? RecordedBy { get; set; }
}

/// <summary>The carrier's subsidy request for its agreement's year, in lines per project or action.</summary>
public sealed class SubsidyRequest : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AgreementId { get; set; }
    public required string TerritoryId { get; set; }
    public RequestStatus Status { get; set; }
    public DateTimeOffset? FiledAt { get; set; }
    public string? FiledBy { get; set; }
    /// <summary>The Région's explicit leave to file after the deadline, with its reason: recorded, never implied.</summary>
    public string? LateAllowedBecause { get; set; }
    public string? LateAllowedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>The CPR's vote of the Région's decision; the amounts granted are on the lines.</summary>
    public DateOnly? DecidedOn { get; set; }
    /// <summary>The yearly closure: from then on the figures of <see cref="Closed"/> are locked.</summary>
    public DateOnly? ClosedOn { get; set; }
    public string? ClosedBy { get; set; }
    public int Version { get; set; }
    public List<RequestLine> Lines { get; set; } = [];
    public List<Payment> Payments { get; set; } = [];
    public List<SpendingEntry> Spending { get; set; } = [];
    public List<ClosedLine> Closed { get; set; } = [];

    public bool IsClosed => ClosedOn is not null;
    public decimal Spent => Spending.Sum(s => s.Amount);
    public decimal SpentFor(Guid lineId) => Spending.Where(s => s.LineId == lineId).Sum(s => s.Amount);

    public decimal Granted => Lines.Sum(l => l.Granted ?? 0);
    public decimal Paid => Payments.Sum(p => p.Amount);
    public decimal LeftToPay => Granted - Paid;

    public decimal Projects => Lines.Where(l => l.Kind == LineKind.Project).Sum(l => l.Amount);
    public decimal Coordination => Lines.Where(l => l.Kind == LineKind.Coordination).Sum(l => l.Amount);
    public decimal Total => Projects + Coordination;
}

namespace SproHub.Shared.Events;

/// <summary>The Région granted a local SPRO's subsidy for a year (indicators, question 2 of the evaluation).</summary>
public sealed record SubsidyGranted(Guid EventId, DateOnly CprVoteOn, string TerritoryId, int Year, decimal Requested, decimal Granted, decimal Coordination, DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>The Région paid part of a subsidy (advance or balance).</summary>
public sealed record PaymentMade(Guid EventId, string TerritoryId, int Year, string Kind, decimal Amount, DateOnly PaidOn, decimal PaidSoFar, decimal Granted, DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>A local SPRO's financial year was closed: its spending statement is locked (granted, paid and spent per project).</summary>
public sealed record YearClosed(Guid EventId, string TerritoryId, int Year, DateOnly ClosedOn, decimal Granted, decimal Paid, decimal Spent, IReadOnlyList<ClosedProject> Projects, DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>One line of a closed year's statement.</summary>
public sealed record ClosedProject(string Label, bool Coordination, decimal Granted, decimal Spent);

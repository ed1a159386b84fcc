using MediatR;

namespace SproHub.Shared.Events;

/// <summary>A fact one module tells the others. Written to its outbox in the same transaction, published after commit.</summary>
public interface IIntegrationEvent : INotification
{
    Guid EventId { get; }
    DateTimeOffset OccurredAt { get; }
}

/// <summary>
/// A count a module contributes to one of the indicators declared in its manifest.
/// The Indicators module sums them; it never reads the module's tables.
/// </summary>
public sealed record IndicatorValueRecorded(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string ModuleId,
    string IndicatorCode,
    string TerritoryId,
    DateOnly Date,
    decimal Delta,
    string SourceId) : IIntegrationEvent;

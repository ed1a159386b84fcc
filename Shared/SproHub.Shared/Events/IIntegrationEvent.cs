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

/// <summary>
/// Every event of some types the modules' outboxes have kept (delivered or not), oldest first, in batches: what a module
/// replays to rebuild what it built from them. Implemented by the host.
/// </summary>
public interface IEventReplay
{
    IAsyncEnumerable<IReadOnlyList<IIntegrationEvent>> ReadAsync(IReadOnlyCollection<Type> eventTypes, int batchSize, CancellationToken cancellationToken);
}

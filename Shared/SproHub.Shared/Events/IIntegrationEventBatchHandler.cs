namespace SproHub.Shared.Events;

/// <summary>
/// Takes many integration events in one call (one transaction, not one per event): the outbox hands it, in their order,
/// the events of each batch it delivers whose types it names, instead of publishing them to it one by one. Implement it
/// beside <c>INotificationHandler&lt;T&gt;</c> of the same types (the module's scan then registers it, and a single
/// publish still reaches it). If a batch fails, each of its events is handed alone, so one bad event holds back no
/// other. A repeat must count once, as for every handler.
/// </summary>
public interface IIntegrationEventBatchHandler
{
    IReadOnlyCollection<Type> EventTypes { get; }
    Task HandleAsync(IReadOnlyList<IIntegrationEvent> events, CancellationToken cancellationToken);
}

using MediatR;
using Microsoft.EntityFrameworkCore;
using SproHub.Shared.Events;

namespace SproHub.Host.Platform.Outbox;

/// <summary>
/// Hands a batch's events to their handlers: whole to those that take batches, then one by one to the others. Every call
/// has a scope of its own (a failure leaves nothing tracked for the next) and is retried when another dispatcher wrote the
/// same rows first; a batch that fails is handed again event by event, so only the bad event fails.
/// </summary>
internal sealed class OutboxDelivery(IServiceScopeFactory scopes)
{
    /// <summary>A version or a unique key refused the write: handling again reads what the other dispatcher wrote.</summary>
    private const int TriesOnConflict = 3;

    private readonly Lazy<Routes> _routes = new(() => Routes.Read(scopes));

    /// <summary>Whether any handler listens to this type: unheard events stay in the outbox for the module that will.</summary>
    public bool IsHeard(Type eventType) => _routes.Value.BatchHandlers(eventType).Count > 0 || _routes.Value.HasSingles(eventType);

    /// <summary>Delivers the events (in their order); returns the error of each one that failed.</summary>
    public async Task<Dictionary<IIntegrationEvent, string>> DeliverAsync(IReadOnlyList<IIntegrationEvent> events, CancellationToken cancellationToken)
    {
        var failed = new Dictionary<IIntegrationEvent, string>(ReferenceEqualityComparer.Instance);
        foreach (var handlerType in events.SelectMany(e => _routes.Value.BatchHandlers(e.GetType())).Distinct().ToList())
        {
            var own = events.Where(e => _routes.Value.BatchHandlers(e.GetType()).Contains(handlerType)).ToList();
            if (await TryAsync(s => Batch(s, handlerType).HandleAsync(own, cancellationToken)) is null) continue;
            foreach (var e in own)
                if (await TryAsync(s => Batch(s, handlerType).HandleAsync([e], cancellationToken)) is { } error) failed.TryAdd(e, error);
        }
        foreach (var e in events.Where(e => _routes.Value.HasSingles(e.GetType())))
            if (await TryAsync(s => _routes.Value.Singles(e.GetType()).HandleAsync(s, e, cancellationToken)) is { } error) failed.TryAdd(e, error);
        return failed;
    }

    private static IIntegrationEventBatchHandler Batch(IServiceProvider services, Type handlerType) =>
        services.GetServices<IIntegrationEventBatchHandler>().First(h => h.GetType() == handlerType);

    /// <summary>Runs the work in a scope of its own; null when it succeeded, else its error.</summary>
    private async Task<string?> TryAsync(Func<IServiceProvider, Task> work)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var scope = scopes.CreateScope();
                await work(scope.ServiceProvider);
                return null;
            }
            catch (DbUpdateException) when (attempt < TriesOnConflict) { }
            catch (Exception ex) when (ex is not OperationCanceledException) { return ex.GetBaseException().Message; }
        }
    }

    /// <summary>Which handlers take each event type, read once from the container (the modules are fixed at start-up).</summary>
    private sealed class Routes(Dictionary<Type, List<Type>> batch, IServiceScopeFactory scopes)
    {
        private readonly Dictionary<Type, SingleHandlers> _singles = [];

        public static Routes Read(IServiceScopeFactory scopes)
        {
            using var scope = scopes.CreateScope();
            var batch = scope.ServiceProvider.GetServices<IIntegrationEventBatchHandler>()
                .SelectMany(h => h.EventTypes.Select(t => (Event: t, Handler: h.GetType())))
                .GroupBy(x => x.Event).ToDictionary(g => g.Key, g => g.Select(x => x.Handler).Distinct().ToList());
            return new Routes(batch, scopes);
        }

        public IReadOnlyCollection<Type> BatchHandlers(Type eventType) => batch.GetValueOrDefault(eventType) ?? [];

        public bool HasSingles(Type eventType) => Singles(eventType).Any;

        public SingleHandlers Singles(Type eventType)
        {
            lock (_singles)
            {
                if (_singles.TryGetValue(eventType, out var singles)) return singles;
                var skipped = BatchHandlers(eventType).ToHashSet();
                singles = (SingleHandlers)Activator.CreateInstance(typeof(SingleHandlers<>).MakeGenericType(eventType), skipped)!;
                using var scope = scopes.CreateScope();
                singles.Any = singles.Find(scope.ServiceProvider).Any();
                return _singles[eventType] = singles;
            }
        }
    }

    /// <summary>The notification handlers of one event type, but those that took it in a batch.</summary>
    private abstract class SingleHandlers
    {
        public bool Any { get; set; }
        public abstract IEnumerable<object> Find(IServiceProvider services);
        public abstract Task HandleAsync(IServiceProvider services, IIntegrationEvent e, CancellationToken cancellationToken);
    }

    private sealed class SingleHandlers<TEvent>(HashSet<Type> batched) : SingleHandlers where TEvent : IIntegrationEvent
    {
        public override IEnumerable<object> Find(IServiceProvider services) => Handlers(services);

        // As MediatR publishes: each handler in turn, the first failure stopping the rest (they run again at the retry).
        public override async Task HandleAsync(IServiceProvider services, IIntegrationEvent e, CancellationToken cancellationToken)
        {
            foreach (var handler in Handlers(services)) await handler.Handle((TEvent)e, cancellationToken);
        }

        private IEnumerable<INotificationHandler<TEvent>> Handlers(IServiceProvider services) =>
            services.GetServices<INotificationHandler<TEvent>>().Where(h => !batched.Contains(h.GetType()));
    }
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SproHub.Host.Modularity;
using SproHub.Shared.Data;
using SproHub.Shared.Events;

namespace SproHub.Host.Platform.Outbox;

/// <summary>
/// Publishes what modules wrote to their outboxes, after their transactions committed. A crash between commit and
/// publish loses nothing: the row waits for the next pass. Several dispatchers (hosts) may drain the same outboxes: each
/// batch is claimed by one of them. Handlers must tolerate a repeat (a crash after handling, before marking).
/// </summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, ModuleRegistry registry, IEnumerable<ModuleDbContextDescriptor> contexts,
    TimeProvider clock, IConfiguration configuration, ILogger<OutboxDispatcher> logger)
{
    /// <summary>Long enough for a batch's handling; a dispatcher that dies holding it delays its messages that long.</summary>
    private readonly TimeSpan _lease = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Outbox:LeaseSeconds", 60.0)));
    private readonly int _batchSize = Math.Max(1, configuration.GetValue("Outbox:BatchSize", 500));
    private readonly Dictionary<string, Type> _eventTypes = registry.Active
        .Select(m => m.Assembly!).Append(typeof(IIntegrationEvent).Assembly).Distinct()
        .SelectMany(a => a.GetTypes())
        .Where(t => typeof(IIntegrationEvent).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
        .ToDictionary(t => t.FullName!, t => t);
    private readonly OutboxDelivery _delivery = new(scopes);
    private IReadOnlyCollection<string>? _unheard;

    /// <summary>
    /// Drains every module's outbox, a batch per module in turn, again while any batch came full: a backlog is
    /// delivered in one pass rather than a batch per tick. Returns how many messages were delivered.
    /// </summary>
    public async Task<int> DispatchPendingAsync(CancellationToken cancellationToken)
    {
        // Types no handler listens to (yet) stay in the outbox, untouched, for the module that will.
        _unheard ??= _eventTypes.Where(t => !_delivery.IsHeard(t.Value)).Select(t => t.Key).Order(StringComparer.Ordinal).ToList();
        var after = contexts.ToDictionary(c => c, _ => 0L); // a message that fails waits for the next pass
        var published = 0;
        while (after.Count > 0)
        {
            foreach (var descriptor in after.Keys.ToList())
            {
                var (delivered, claimed, last) = await DispatchBatchAsync(descriptor, after[descriptor], cancellationToken);
                published += delivered;
                if (claimed < _batchSize) after.Remove(descriptor);
                else after[descriptor] = last;
            }
        }
        return published;
    }

    private async Task<(int Delivered, int Claimed, long Last)> DispatchBatchAsync(ModuleDbContextDescriptor descriptor, long after, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = (DbContext)scope.ServiceProvider.GetRequiredService(descriptor.ContextType);
        var claim = await OutboxClaim.TakeAsync(db, after, _batchSize, _unheard!, clock.GetUtcNow(), _lease, cancellationToken);
        if (claim.Messages.Count == 0) return (0, 0, after);
        var failed = new List<(long Id, string Error)>();
        var events = new List<(OutboxMessage Message, IIntegrationEvent Event)>(claim.Messages.Count);
        foreach (var message in claim.Messages)
        {
            try { events.Add((message, Read(message))); }
            // Whatever a payload throws, it is this message's failure (counted, given up after ten), never the pass's.
            catch (Exception ex) when (ex is not OperationCanceledException) { failed.Add((message.Id, ex.Message)); }
        }
        var errors = await _delivery.DeliverAsync(events.Select(x => x.Event).ToList(), cancellationToken);
        failed.AddRange(events.Where(x => errors.ContainsKey(x.Event)).Select(x => (x.Message.Id, errors[x.Event])));
        foreach (var (id, error) in failed) logger.LogWarning("Événement {Id} de {Module} non publié : {Error}", id, descriptor.ModuleId, error);
        var delivered = events.Where(x => !errors.ContainsKey(x.Event)).Select(x => x.Message.Id).ToList();
        // Not cancelled half-way: what was delivered is marked, or it would be delivered again.
        await claim.ReleaseAsync(delivered, failed, clock.GetUtcNow(), CancellationToken.None);
        return (delivered.Count, claim.Messages.Count, claim.Messages[^1].Id);
    }

    private IIntegrationEvent Read(OutboxMessage message) => _eventTypes.TryGetValue(message.Type, out var type)
        ? (IIntegrationEvent)JsonSerializer.Deserialize(message.Payload, type)!
        : throw new InvalidOperationException($"Type d'événement inconnu : {message.Type}");
}

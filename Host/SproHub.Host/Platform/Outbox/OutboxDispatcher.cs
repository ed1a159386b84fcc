using System.Text.Json;
using MediatR;
using Microsoft.EntityFrameworkCore;
using SproHub.Host.Modularity;
using SproHub.Shared.Data;
using SproHub.Shared.Events;

namespace SproHub.Host.Platform.Outbox;

/// <summary>
/// Publishes what modules wrote to their outboxes, after their transactions committed. A crash between
/// commit and publish loses nothing: the row waits for the next pass. Handlers must tolerate a repeat.
/// </summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, ModuleRegistry registry, IEnumerable<ModuleDbContextDescriptor> contexts, TimeProvider clock, ILogger<OutboxDispatcher> logger)
{
    private readonly Dictionary<string, Type> _eventTypes = registry.Active
        .Select(m => m.Assembly!).Append(typeof(IIntegrationEvent).Assembly).Distinct()
        .SelectMany(a => a.GetTypes())
        .Where(t => typeof(IIntegrationEvent).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
        .ToDictionary(t => t.FullName!, t => t);

    public async Task<int> DispatchPendingAsync(CancellationToken cancellationToken)
    {
        var published = 0;
        foreach (var descriptor in contexts)
        {
            using var scope = scopes.CreateScope();
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(descriptor.ContextType);
            var pending = await db.Set<OutboxMessage>().Where(m => m.ProcessedAt == null && m.Attempts < 10).OrderBy(m => m.Id).Take(100).ToListAsync(cancellationToken);
            foreach (var message in pending)
            {
                // Nobody listens yet: keep it for the module that will (replaying the backlog then).
                if (_eventTypes.TryGetValue(message.Type, out var listened) && !HasHandler(scope.ServiceProvider, listened)) continue;
                if (!await ClaimAsync(db, message, cancellationToken)) continue; // another host has it
                try
                {
                    if (!_eventTypes.TryGetValue(message.Type, out var type)) throw new InvalidOperationException($"Type d'événement inconnu : {message.Type}");
                    var integrationEvent = (IIntegrationEvent)JsonSerializer.Deserialize(message.Payload, type)!;
                    // Each message's handlers in a scope of their own: one that fails leaves nothing tracked for the next.
                    using var handling = scopes.CreateScope();
                    await handling.ServiceProvider.GetRequiredService<IMediator>().Publish(integrationEvent, cancellationToken);
                    message.ProcessedAt = clock.GetUtcNow();
                    published++;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    message.Attempts++;
                    message.LastError = ex.Message;
                    logger.LogWarning(ex, "Événement {Id} de {Module} non publié", message.EventId, descriptor.ModuleId);
                }
                message.LockedUntilTicks = null;
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        return published;
    }

    private static bool HasHandler(IServiceProvider services, Type eventType) =>
        services.GetServices(typeof(INotificationHandler<>).MakeGenericType(eventType)).Any();

    /// <summary>Takes the message for a minute, atomically, unless another host holds it.</summary>
    private async Task<bool> ClaimAsync(DbContext db, OutboxMessage message, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcTicks;
        var until = clock.GetUtcNow().AddMinutes(1).UtcTicks;
        var claimed = await db.Set<OutboxMessage>()
            .Where(m => m.Id == message.Id && m.ProcessedAt == null && (m.LockedUntilTicks == null || m.LockedUntilTicks < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntilTicks, until), cancellationToken);
        if (claimed == 1) message.LockedUntilTicks = until;
        return claimed == 1;
    }
}

public sealed class OutboxBackgroundService(OutboxDispatcher dispatcher, DatabaseReadiness readiness, IConfiguration configuration, ILogger<OutboxBackgroundService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Not before the modules' tables exist: a fresh database is still being migrated when the host starts.
        try { await readiness.Ready.WaitAsync(stoppingToken); }
        catch (Exception ex) when (ex is not OperationCanceledException) { return; } // readiness logged it and stops the host
        var period = TimeSpan.FromSeconds(configuration.GetValue("Outbox:PollSeconds", 2.0));
        using var timer = new PeriodicTimer(period);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try { await dispatcher.DispatchPendingAsync(stoppingToken); }
            catch (Exception ex) when (ex is not OperationCanceledException) { logger.LogError(ex, "Passe de l'outbox en échec"); }
        }
    }
}

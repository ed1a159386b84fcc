using SproHub.Shared.Jobs;

namespace SproHub.Host.Platform;

/// <summary>
/// Migrations and seeds run once the server listens rather than before it (EF Core's first use is the largest part
/// of start-up), and never before: a host that cannot bind its port stops without touching the database. Requests
/// wait for them a bounded time (<c>Platform:ReadinessWaitSeconds</c>), health checks not at all: they say at once
/// what the platform is doing (<see cref="Status"/>).
/// </summary>
public sealed class DatabaseReadiness(IServiceProvider services, IHostApplicationLifetime lifetime, ILogger<DatabaseReadiness> logger,
    Startup.StartupTimeline startup, Startup.FirstRequestWarmUp firstRequest)
    : IHostedLifecycleService, IPlatformReadiness
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Ready => _ready.Task;

    /// <summary>What preparation is doing, or why it failed; null once ready.</summary>
    public string? Status { get; private set; } = "Démarrage";

    // The server starts (and binds its addresses) between StartAsync and StartedAsync: preparation waits for it.
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        // Beside the preparation (the database's work is mostly waiting): what the first request would build (docs/adr/0017).
        _ = Task.Run(() => firstRequest.RunAsync(services, logger, lifetime.ApplicationStopping), CancellationToken.None);
        _ = Task.Run(async () =>
        {
            // Each step's time goes to the start-up timeline: preparation runs beside the first requests, which wait for it.
            var step = System.Diagnostics.Stopwatch.StartNew();
            void Report(string? status)
            {
                if (Status is { } previous) startup.Record($"base : {previous}", step.Elapsed.TotalMilliseconds);
                step.Restart();
                Status = status;
            }
            try
            {
                await DatabasePreparation.PrepareDatabaseAsync(services, logger, Report, lifetime.ApplicationStopping);
                Report(null);
                startup.Record("base prête, depuis le lancement", startup.Now);
                _ready.TrySetResult();
                await WarmUpAsync(lifetime.ApplicationStopping);
            }
            catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
            {
                Status = "Arrêt en cours";
                _ready.TrySetCanceled();
            }
            catch (Exception ex)
            {
                Status = "Préparation de la base de données impossible : " + ex.Message;
                logger.LogCritical(ex, "Préparation de la base de données impossible : arrêt");
                _ready.TrySetException(ex);
                lifetime.StopApplication();
            }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Once the host answers, each module's EF Core model is built in the background, so that the first person
    /// asking for data does not pay for it (about half a second for all modules).
    /// </summary>
    private async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            using var scope = services.CreateScope();
            foreach (var descriptor in scope.ServiceProvider.GetServices<SproHub.Shared.Data.ModuleDbContextDescriptor>())
            {
                var db = (Microsoft.EntityFrameworkCore.DbContext)scope.ServiceProvider.GetRequiredService(descriptor.ContextType);
                _ = db.Model.GetEntityTypes().Count();
                await db.Database.CanConnectAsync(cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogDebug(ex, "Préchauffage des modules interrompu");
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }
}

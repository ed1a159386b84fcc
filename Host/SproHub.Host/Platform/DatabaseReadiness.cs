namespace SproHub.Host.Platform;

/// <summary>
/// Migrations and seeds run while the server starts rather than before it (EF Core's first use is the
/// largest part of start-up); every request waits for them, so nothing is served on an unprepared database.
/// </summary>
public sealed class DatabaseReadiness(IServiceProvider services, IHostApplicationLifetime lifetime, ILogger<DatabaseReadiness> logger) : IHostedService
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Ready => _ready.Task;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Task.Run(async () =>
        {
            try
            {
                await DatabasePreparation.PrepareDatabaseAsync(services, logger, lifetime.ApplicationStopping);
                _ready.TrySetResult();
                await WarmUpAsync(lifetime.ApplicationStopping);
            }
            catch (Exception ex)
            {
                logger.LogCritical(ex, "Préparation de la base de données impossible : arrêt");
                _ready.TrySetException(ex);
                lifetime.StopApplication();
            }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

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

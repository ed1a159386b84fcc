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
}

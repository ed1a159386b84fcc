namespace SproHub.Host.Platform.Outbox;

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

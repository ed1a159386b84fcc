using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SproHub.Shared.Jobs;

/// <summary>
/// Background work repeated every <see cref="Period"/>: it starts once the platform is ready (never on tables still
/// being migrated), a little after start-up, and a failed pass is logged and tried again at the next one.
/// Several hosts may run it together: a pass must be idempotent.
/// </summary>
public abstract class PeriodicJob(IPlatformReadiness readiness, ILogger logger) : BackgroundService
{
    /// <summary>Null or zero: the job is turned off (a setting, usually).</summary>
    protected abstract TimeSpan? Period { get; }

    /// <summary>What the log says when a pass fails, in French (« Travaux de ... en échec »).</summary>
    protected abstract string Name { get; }

    /// <summary>The first pass waits this long after readiness: start-up is no time for sweeps.</summary>
    protected virtual TimeSpan FirstDelay => Period is { } period && period < TimeSpan.FromMinutes(2) ? period : TimeSpan.FromMinutes(2);

    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Period is not { } period || period <= TimeSpan.Zero) return;
        try { await readiness.Ready.WaitAsync(stoppingToken); }
        catch (Exception ex) when (ex is not OperationCanceledException) { return; } // the platform logs it and stops
        await Task.Delay(FirstDelay, stoppingToken);
        using var timer = new PeriodicTimer(period);
        do
        {
            try { await RunOnceAsync(stoppingToken); }
            catch (Exception ex) when (ex is not OperationCanceledException) { logger.LogError(ex, "{Job} : passe en échec", Name); }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

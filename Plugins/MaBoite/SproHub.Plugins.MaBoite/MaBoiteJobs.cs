using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SproHub.Plugins.MaBoite.Trash;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.MaBoite;

/// <summary>
/// Every hour (<c>MaBoite:JobEveryMinutes</c>): what has been in a trash for 30 days is deleted, in every local SPRO
/// (a space outlives its plugin being disabled). Several hosts may run it together: a deleted row is deleted once.
/// </summary>
public sealed class MaBoiteJobs(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<MaBoiteJobs> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = configuration.GetValue("MaBoite:JobEveryMinutes", 60.0);
        if (minutes <= 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes));
        await Task.Delay(TimeSpan.FromMinutes(Math.Min(minutes, 2)), stoppingToken);
        do
        {
            try
            {
                var deleted = (await PurgeTrashesAsync(scopes, stoppingToken)).Sum();
                if (deleted > 0) logger.LogInformation("ma boîte SPRO : {Count} fichier(s) supprimé(s) après 30 jours en corbeille", deleted);
            }
            catch (Exception ex) when (ex is not OperationCanceledException) { logger.LogError(ex, "Travaux de ma boîte SPRO en échec"); }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public static Task<IReadOnlyList<int>> PurgeTrashesAsync(IServiceScopeFactory scopes, CancellationToken cancellationToken) =>
        TerritoryJobs.InEachLocalSproAsync(scopes, null, services => services.GetRequiredService<TrashBin>().PurgeExpiredAsync(cancellationToken), cancellationToken);
}

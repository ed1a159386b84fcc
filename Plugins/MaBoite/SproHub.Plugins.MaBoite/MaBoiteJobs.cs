using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SproHub.Plugins.MaBoite.Trash;
using SproHub.Shared.Jobs;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.MaBoite;

/// <summary>
/// Every hour (<c>MaBoite:JobEveryMinutes</c>): what has been in a trash for 30 days is deleted, in every local SPRO
/// (a space outlives its plugin being disabled). Several hosts may run it together: a deleted row is deleted once.
/// </summary>
public sealed class MaBoiteJobs(IServiceScopeFactory scopes, IConfiguration configuration, IPlatformReadiness readiness, ILogger<MaBoiteJobs> logger)
    : PeriodicJob(readiness, logger)
{
    protected override TimeSpan? Period => TimeSpan.FromMinutes(configuration.GetValue("MaBoite:JobEveryMinutes", 60.0));
    protected override string Name => "Travaux de ma boîte SPRO";

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var deleted = (await PurgeTrashesAsync(scopes, cancellationToken)).Sum();
        if (deleted > 0) logger.LogInformation("ma boîte SPRO : fichiers supprimés après 30 jours en corbeille : {Count}", deleted);
    }

    public static Task<IReadOnlyList<int>> PurgeTrashesAsync(IServiceScopeFactory scopes, CancellationToken cancellationToken) =>
        TerritoryJobs.InEachLocalSproAsync(scopes, null, services => services.GetRequiredService<TrashBin>().PurgeExpiredAsync(cancellationToken), cancellationToken);
}

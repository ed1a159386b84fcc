using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SproHub.Plugins.CelluleHandicap.Privacy;
using SproHub.Plugins.CelluleHandicap.Sessions;
using SproHub.Shared.Jobs;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.CelluleHandicap;

/// <summary>
/// Every hour (<c>CelluleHandicap:JobEveryMinutes</c>): the agendas whose deadline has come are sent where the cell is
/// enabled, and data past its retention period is purged in every local SPRO (a disabled cell keeps its data, so it is
/// purged there too). Several hosts may run it together: a sent agenda is versioned, a purge is idempotent.
/// </summary>
public sealed class CellJobs(IServiceScopeFactory scopes, IConfiguration configuration, IPlatformReadiness readiness, ILogger<CellJobs> logger)
    : PeriodicJob(readiness, logger)
{
    protected override TimeSpan? Period => TimeSpan.FromMinutes(configuration.GetValue("CelluleHandicap:JobEveryMinutes", 60.0));
    protected override string Name => "Travaux de la Cellule Handicap Jeunes";

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await SendDueAgendasAsync(scopes, cancellationToken);
        await PurgeEverywhereAsync(scopes, cancellationToken);
    }

    public static Task<IReadOnlyList<PurgeReport>> PurgeEverywhereAsync(IServiceScopeFactory scopes, CancellationToken cancellationToken) =>
        TerritoryJobs.InEachLocalSproAsync(scopes, null, services => services.GetRequiredService<RetentionPurge>().RunAsync(cancellationToken), cancellationToken);

    /// <returns>How many agendas were sent in each territory.</returns>
    public static Task<IReadOnlyList<int>> SendDueAgendasAsync(IServiceScopeFactory scopes, CancellationToken cancellationToken) =>
        TerritoryJobs.InEachLocalSproAsync(scopes, CelluleHandicapModule.Id, services => services.GetRequiredService<AgendaSender>().SendDueAsync(cancellationToken), cancellationToken);
}

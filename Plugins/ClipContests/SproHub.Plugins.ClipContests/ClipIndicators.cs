using SproHub.Plugins.ClipContests.Data;
using SproHub.Shared.Data;
using SproHub.Shared.Events;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.ClipContests;

internal static class ClipIndicators
{
    /// <summary>Queues a change of one of the plugin's indicators, saved with the change it counts (all or nothing).</summary>
    public static void Record(this ClipContestsDbContext db, TimeProvider clock, string code, string territoryId, decimal delta, string sourceId)
    {
        var now = clock.GetUtcNow();
        db.AddIntegrationEvent(new IndicatorValueRecorded(Guid.NewGuid(), now, ClipContestsModule.Id, code, territoryId, ParisTime.DateOf(now), delta, sourceId));
    }
}

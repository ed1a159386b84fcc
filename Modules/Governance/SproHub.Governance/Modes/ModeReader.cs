using Microsoft.EntityFrameworkCore;
using SproHub.Governance.Data;
using SproHub.Governance.Meetings;
using SproHub.Shared.Territories;

namespace SproHub.Governance.Modes;

/// <summary>The governance mode in force in each territory: the Région's record, else the default of its organisation.</summary>
internal sealed class ModeReader(GovernanceDbContext db, ITerritoryDirectory territories)
{
    public async Task<GovernanceModeView> ForAsync(TerritoryInfo territory, CancellationToken cancellationToken)
    {
        var all = await territories.ListAsync(cancellationToken);
        var recorded = await Recorded().FirstOrDefaultAsync(m => m.TerritoryId == territory.Slug, cancellationToken);
        return GovernanceModes.Of(territory, GovernanceModes.BasinsOf(territory.Slug, all), recorded);
    }

    /// <summary>Every local SPRO's mode, and the Région's: what the regional cadence and its alerts judge.</summary>
    public async Task<IReadOnlyList<GovernanceModeView>> AllAsync(CancellationToken cancellationToken)
    {
        var all = await territories.ListAsync(cancellationToken);
        var recorded = await Recorded().ToDictionaryAsync(m => m.TerritoryId, cancellationToken);
        return all.Where(t => t.Kind is TerritoryKind.LocalSpro or TerritoryKind.Region)
            .Select(t => GovernanceModes.Of(t, GovernanceModes.BasinsOf(t.Slug, all), recorded.GetValueOrDefault(t.Slug))).ToList();
    }

    // Région-wide on purpose: the sweep and the Région's overview read every territory's mode; ForAsync asks for one by its id.
    private IQueryable<GovernanceMode> Recorded() =>
        db.Modes.IgnoreQueryFilters().AsNoTracking().Include(m => m.Rules).Include(m => m.Referents).AsSplitQuery();
}

/// <summary>A territory's cadence under its mode: each rule's periods, once for the SPRO or once per basin.</summary>
internal static class ModeCadence
{
    public static IReadOnlyList<CadenceLine> Lines(GovernanceModeView mode, int year, IReadOnlyList<(MeetingType Type, string? BasinId, DateOnly Day, bool Held)> meetings, DateOnly today)
    {
        var lines = new List<CadenceLine>();
        foreach (var rule in mode.Rules)
        {
            var ofType = meetings.Where(m => m.Type == rule.Type).ToList();
            var scopes = rule.Level == MeetingLevel.EachBasin && mode.Basins.Count > 0
                ? mode.Basins.Select(b => (Basin: (BasinView?)b, Meetings: ofType.Where(m => m.BasinId == b.BasinId).ToList()))
                : [(Basin: (BasinView?)null, Meetings: ofType)];
            foreach (var (basin, held) in scopes)
                lines.AddRange(Cadence.Check(rule.Frequency, rule.Type, year, held.Select(m => (m.Day, m.Held)), today).Select(c =>
                    new CadenceLine(rule.Type, MeetingLabels.Of(rule.Type), rule.Expectation, c.Period.Label, c.State, Cadence.Label(c.State), c.Meetings, c.Behind,
                        basin?.BasinId, basin?.Name, basin?.ReferentName) { PeriodStart = c.Period.Start }));
        }
        return lines;
    }
}

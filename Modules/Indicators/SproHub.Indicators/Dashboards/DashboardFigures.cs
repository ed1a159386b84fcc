using Microsoft.EntityFrameworkCore;
using SproHub.Indicators.Catalogue;
using SproHub.Indicators.Data;

namespace SproHub.Indicators.Dashboards;

/// <summary>
/// An indicator's figure at one level. A rate keeps its numerator and denominator: levels add those and divide again,
/// never averaging the rates below.
/// </summary>
public sealed record IndicatorFigure(decimal? Value, decimal? Numerator = null, decimal? Denominator = null)
{
    public static IndicatorFigure Of(decimal value) => new(value);

    public static IndicatorFigure Rate(decimal numerator, decimal denominator) => new(denominator == 0 ? null : numerator / denominator, numerator, denominator);

    public static IndicatorFigure? Sum(IEnumerable<IndicatorFigure?> figures)
    {
        var known = figures.OfType<IndicatorFigure>().ToList();
        if (known.Count == 0) return null;
        return known.Any(f => f.Denominator is not null)
            ? Rate(known.Sum(f => f.Numerator ?? 0), known.Sum(f => f.Denominator ?? 0))
            : new IndicatorFigure(known.Sum(f => f.Value ?? 0));
    }
}

/// <summary>Every indicator's figure of the platform's facts, for some local SPROs and a year, read in a few queries for all of them.</summary>
internal sealed class DashboardFigures(IndicatorsDbContext db)
{
    public async Task<Dictionary<string, Dictionary<string, IndicatorFigure>>> ComputeAsync(IReadOnlyCollection<string> territories, int year, CancellationToken cancellationToken)
    {
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var meetings = await db.Meetings.AsNoTracking().Where(m => territories.Contains(m.TerritoryId) && m.Day >= from && m.Day <= to)
            .GroupBy(m => m.TerritoryId).Select(g => new { Territory = g.Key, Count = g.Count(), Invited = g.Sum(m => m.InvitedStructures), Participating = g.Sum(m => m.ParticipatingStructures) })
            .ToListAsync(cancellationToken);
        var totals = await db.Totals.AsNoTracking().Where(t => territories.Contains(t.TerritoryId) && t.Year == year).ToListAsync(cancellationToken);
        var budgets = await db.Budgets.AsNoTracking().Where(b => territories.Contains(b.TerritoryId) && b.Year == year).ToListAsync(cancellationToken);

        var result = territories.ToDictionary(t => t, _ => new Dictionary<string, IndicatorFigure>());
        foreach (var m in meetings)
        {
            result[m.Territory][IndicatorCatalogue.Meetings] = IndicatorFigure.Of(m.Count);
            result[m.Territory][IndicatorCatalogue.Attendance] = IndicatorFigure.Rate(m.Participating, m.Invited);
        }
        foreach (var t in territories.Where(t => !result[t].ContainsKey(IndicatorCatalogue.Meetings))) result[t][IndicatorCatalogue.Meetings] = IndicatorFigure.Of(0);
        foreach (var total in totals) result[total.TerritoryId][total.Code] = IndicatorFigure.Of(total.Total);
        foreach (var b in budgets)
        {
            result[b.TerritoryId][IndicatorCatalogue.Granted] = IndicatorFigure.Of(b.Granted);
            result[b.TerritoryId][IndicatorCatalogue.Paid] = IndicatorFigure.Of(b.Paid);
            if (b.Spent is { } spent) result[b.TerritoryId][IndicatorCatalogue.Consumption] = IndicatorFigure.Rate(spent, b.Granted);
        }
        return result;
    }
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SproHub.Indicators.Catalogue;
using SproHub.Indicators.Cycle;
using SproHub.Indicators.Data;

namespace SproHub.Indicators.Dashboards;

/// <summary>
/// An indicator's figure at one level. A rate keeps its numerator and denominator: levels add those and divide again,
/// never averaging the rates below.
/// </summary>
public sealed record IndicatorFigure(decimal? Value, decimal? Numerator = null, decimal? Denominator = null)
{
    /// <summary>A count of people too small to show (statistical secrecy): its value is withheld, it reads « &lt; 5 ».</summary>
    public bool Masked { get; init; }

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

/// <summary>Every indicator's figure for some local SPROs and a year, read in a few queries for all of them.</summary>
internal sealed class DashboardFigures(IndicatorsDbContext db, IndicatorCatalogue catalogue)
{
    /// <summary>The figures as they stand: the platform's facts and the coordinators' forms.</summary>
    public async Task<Dictionary<string, Dictionary<string, IndicatorFigure>>> LiveAsync(IReadOnlyCollection<string> territories, int year, CancellationToken cancellationToken)
    {
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var meetings = await db.Meetings.AsNoTracking().Where(m => territories.Contains(m.TerritoryId) && m.Day >= from && m.Day <= to)
            .GroupBy(m => m.TerritoryId).Select(g => new { Territory = g.Key, Count = g.Count(), Invited = g.Sum(m => m.InvitedStructures), Participating = g.Sum(m => m.ParticipatingStructures) })
            .ToListAsync(cancellationToken);
        var totals = await db.Totals.AsNoTracking().Where(t => territories.Contains(t.TerritoryId) && t.Year == year).ToListAsync(cancellationToken);
        var budgets = await db.Budgets.AsNoTracking().Where(b => territories.Contains(b.TerritoryId) && b.Year == year).ToListAsync(cancellationToken);
        // An explicit join: SQLite cannot run the APPLY a navigation's SelectMany would need.
        var forms = await (from d in db.Dashboards.AsNoTracking() where territories.Contains(d.TerritoryId) && d.Year == year
                           join v in db.Set<FormValue>().AsNoTracking() on d.Id equals v.DashboardId
                           select new { d.TerritoryId, v.Code, v.Value }).ToListAsync(cancellationToken);

        var result = territories.ToDictionary(t => t, _ => new Dictionary<string, IndicatorFigure>());
        foreach (var t in territories) result[t][IndicatorCatalogue.Meetings] = IndicatorFigure.Of(0);
        foreach (var m in meetings)
        {
            result[m.Territory][IndicatorCatalogue.Meetings] = IndicatorFigure.Of(m.Count);
            result[m.Territory][IndicatorCatalogue.Attendance] = IndicatorFigure.Rate(m.Participating, m.Invited);
        }
        foreach (var total in totals) result[total.TerritoryId][total.Code] = IndicatorFigure.Of(total.Total);
        foreach (var b in budgets)
        {
            result[b.TerritoryId][IndicatorCatalogue.Granted] = IndicatorFigure.Of(b.Granted);
            result[b.TerritoryId][IndicatorCatalogue.Paid] = IndicatorFigure.Of(b.Paid);
            if (b.Spent is { } spent) result[b.TerritoryId][IndicatorCatalogue.Consumption] = IndicatorFigure.Rate(spent, b.Granted);
        }
        foreach (var territory in forms.GroupBy(f => f.TerritoryId))
        {
            decimal Sum(string code) => territory.Where(f => f.Code == code).Sum(f => f.Value);
            var figures = result[territory.Key];
            if (territory.Any(f => f.Code == IndicatorCatalogue.AgentsTrained))
            {
                figures[IndicatorCatalogue.AgentsTrained] = IndicatorFigure.Of(Sum(IndicatorCatalogue.AgentsTrained));
                figures[IndicatorCatalogue.AgentsInStructures] = IndicatorFigure.Of(Sum(IndicatorCatalogue.AgentsInStructures));
                figures[IndicatorCatalogue.TrainedShare] = IndicatorFigure.Rate(Sum(IndicatorCatalogue.AgentsTrained), Sum(IndicatorCatalogue.AgentsInStructures));
            }
            foreach (var code in new[] { IndicatorCatalogue.CoordinationAgents, IndicatorCatalogue.CoordinationFte })
                if (territory.Any(f => f.Code == code)) figures[code] = IndicatorFigure.Of(Sum(code));
        }
        var definitions = catalogue.For(null);
        foreach (var figures in result.Values) IndicatorCatalogue.DivideAverages(figures, definitions);
        return result;
    }

    /// <summary>What the rollups add up: each territory's latest approved figures (locked), or its live ones until it has some.</summary>
    public async Task<Dictionary<string, Dictionary<string, IndicatorFigure>>> ForRollupAsync(IReadOnlyCollection<string> territories, int year, CancellationToken cancellationToken)
    {
        var live = await LiveAsync(territories, year, cancellationToken);
        var approved = await db.Dashboards.AsNoTracking().Where(d => territories.Contains(d.TerritoryId) && d.Year == year)
            .Select(d => new { d.TerritoryId, Latest = d.Approved.OrderByDescending(a => a.Number).Select(a => a.Figures).FirstOrDefault() }).ToListAsync(cancellationToken);
        var definitions = catalogue.For(null);
        foreach (var a in approved.Where(a => a.Latest is not null))
        {
            live[a.TerritoryId] = Snapshot.Read(a.Latest!).Figures;
            IndicatorCatalogue.DivideAverages(live[a.TerritoryId], definitions);
        }
        return live;
    }
}

/// <summary>A dashboard as submitted and approved: its figures by indicator code, the meetings and the trainings behind them.</summary>
internal sealed record SnapshotData(Dictionary<string, IndicatorFigure> Figures, IReadOnlyList<MeetingRow> Meetings, IReadOnlyList<Cycle.TrainingRow> Trainings);

/// <summary>Submitted and approved dashboards as they are kept: JSON.</summary>
internal static class Snapshot
{
    public static string Write(SnapshotData data) => JsonSerializer.Serialize(data);
    public static SnapshotData Read(string json) => JsonSerializer.Deserialize<SnapshotData>(json) ?? new([], [], []);
}

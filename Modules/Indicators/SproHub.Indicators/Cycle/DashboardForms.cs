using Microsoft.EntityFrameworkCore;
using SproHub.Indicators.Catalogue;
using SproHub.Indicators.Data;
using SproHub.Shared.Network;
using SproHub.Shared.Territories;

namespace SproHub.Indicators.Cycle;

/// <param name="Agents">Agents of that type of structure the coordinator counts (7bis).</param>
/// <param name="InDirectory">Agents of that type the network's directory knows, to start from.</param>
public sealed record TrainingRow(string StructureType, decimal Trained, decimal Agents, int InDirectory);

public sealed record FormView(IReadOnlyList<TrainingRow> Trainings, string? CoordinatingStructure, decimal? CoordinationAgents, decimal? CoordinationFte);

/// <summary>The part of a dashboard the coordinator types: indicators 7 and 7bis per type of member structure (seed 002's table), 24 and 25.</summary>
internal sealed class DashboardForms(IndicatorsDbContext db, IStructureDirectory structures, IPersonDirectory people, ITerritoryContext territory)
{
    public async Task<Dashboard?> FindAsync(int year, CancellationToken cancellationToken) =>
        await db.Dashboards.Include(d => d.Values).Include(d => d.Approved).AsSplitQuery().FirstOrDefaultAsync(d => d.TerritoryId == territory.Current!.Slug && d.Year == year, cancellationToken);

    public async Task<FormView> ViewAsync(Dashboard? dashboard, CancellationToken cancellationToken)
    {
        var members = await structures.ListAsync(territory.Current!.Slug, cancellationToken);
        var agents = (await people.ListAsync(members.Select(s => s.Id).ToList(), cancellationToken)).GroupBy(p => p.StructureId).ToDictionary(g => g.Key, g => g.Count());
        var directory = members.GroupBy(s => s.Type).ToDictionary(g => g.Key, g => g.Sum(s => agents.GetValueOrDefault(s.Id)));
        var values = dashboard?.Values ?? [];
        decimal Value(string code, string type) => values.FirstOrDefault(v => v.Code == code && v.Dimension == type)?.Value ?? 0;
        var types = directory.Keys.Concat(values.Where(v => v.Dimension != "").Select(v => v.Dimension)).Distinct().Order().ToList();
        var rows = types.Select(t => new TrainingRow(t, Value(IndicatorCatalogue.AgentsTrained, t),
            values.Any(v => v.Code == IndicatorCatalogue.AgentsInStructures && v.Dimension == t) ? Value(IndicatorCatalogue.AgentsInStructures, t) : directory.GetValueOrDefault(t), directory.GetValueOrDefault(t))).ToList();
        decimal? Single(string code) => values.FirstOrDefault(v => v.Code == code)?.Value;
        return new FormView(rows, dashboard?.CoordinatingStructure, Single(IndicatorCatalogue.CoordinationAgents), Single(IndicatorCatalogue.CoordinationFte));
    }
}

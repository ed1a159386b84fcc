using Microsoft.EntityFrameworkCore;
using SproHub.Indicators.Catalogue;
using SproHub.Indicators.Data;
using SproHub.Shared.Network;
using SproHub.Shared.Territories;

namespace SproHub.Indicators.Cycle;

/// <param name="Trained">Agents of that type trained (7), as the coordinator saved it; null when nothing is saved.</param>
/// <param name="Agents">Agents of that type the coordinator counts (7bis); null when nothing is saved: the directory's count is only a suggestion.</param>
/// <param name="InDirectory">Agents of that type the network's directory knows, to start from.</param>
public sealed record TrainingRow(string StructureType, decimal? Trained, decimal? Agents, int InDirectory);

public sealed record FormView(IReadOnlyList<TrainingRow> Trainings, string? CoordinatingStructure, decimal? CoordinationAgents, decimal? CoordinationFte);

/// <summary>The part of a dashboard the coordinator types: indicators 7 and 7bis per type of member structure (seed 002's table), 24 and 25.</summary>
internal sealed class DashboardForms(IndicatorsDbContext db, IStructureDirectory structures, IPersonDirectory people, ITerritoryContext territory)
{
    public async Task<Dashboard?> FindAsync(int year, CancellationToken cancellationToken) =>
        await db.Dashboards.Include(d => d.Values).Include(d => d.Approved).AsSplitQuery().FirstOrDefaultAsync(d => d.TerritoryId == territory.Current!.Slug && d.Year == year, cancellationToken);

    /// <summary>
    /// One row per type of member structure, seed 002's first in its order: what was saved, and the directory's count
    /// beside it. A type with nothing saved counts nothing in 7 and 7bis, on the pages as in the exports and totals.
    /// </summary>
    public async Task<FormView> ViewAsync(Dashboard? dashboard, CancellationToken cancellationToken)
    {
        var members = await structures.ListAsync(territory.Current!.Slug, cancellationToken);
        var agents = (await people.ListAsync(members.Select(s => s.Id).ToList(), cancellationToken)).GroupBy(p => p.StructureId).ToDictionary(g => g.Key, g => g.Count());
        var directory = members.GroupBy(s => MemberStructureTypes.Canonical(s.Type), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Sum(s => agents.GetValueOrDefault(s.Id)), StringComparer.OrdinalIgnoreCase);
        var values = dashboard?.Values ?? [];
        decimal? Saved(string code, string type)
        {
            var saved = values.Where(v => v.Code == code && v.Dimension != "" && string.Equals(MemberStructureTypes.Canonical(v.Dimension), type, StringComparison.OrdinalIgnoreCase)).ToList();
            return saved.Count == 0 ? null : saved.Sum(v => v.Value);
        }
        var rows = MemberStructureTypes.Ordered(directory.Keys.Concat(values.Where(v => v.Dimension != "").Select(v => v.Dimension)))
            .Select(t => new TrainingRow(t, Saved(IndicatorCatalogue.AgentsTrained, t), Saved(IndicatorCatalogue.AgentsInStructures, t), directory.GetValueOrDefault(t))).ToList();
        decimal? Single(string code) => values.FirstOrDefault(v => v.Code == code)?.Value;
        return new FormView(rows, dashboard?.CoordinatingStructure, Single(IndicatorCatalogue.CoordinationAgents), Single(IndicatorCatalogue.CoordinationFte));
    }
}

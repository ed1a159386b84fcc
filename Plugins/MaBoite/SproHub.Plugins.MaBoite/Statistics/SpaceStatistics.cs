using MediatR;
using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.MaBoite.Data;
using SproHub.Plugins.MaBoite.Spaces;
using SproHub.Shared.Network;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.MaBoite.Statistics;

/// <summary>
/// How ma boîte SPRO is used in the territory, by type of public, age and structure: counts only, never a person, and
/// any group of fewer than five people shown as « &lt; 5 » (its storage and readings hidden with it).
/// </summary>
[RequiresPermission(MaBoiteModule.StatsPermission)]
public sealed record GetStatistics : IRequest<StatisticsView>;

/// <param name="Accounts">Spaces opened (address confirmed, entered once).</param>
/// <param name="ActiveThisMonth">Came this calendar month.</param>
public sealed record StatisticsRow(string Group, int Accounts, int ActiveThisMonth, long StorageBytes, int Readings)
{
    public const int Threshold = 5;
    public bool Masked => Accounts < Threshold;
    public string Show(int count) => count < Threshold ? "< 5" : count.ToString(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"));
    public string Storage => Masked ? "—" : Sizes.Format(StorageBytes);
    public string ReadingsShown => Masked ? "—" : Readings.ToString(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"));
}

public sealed record StatisticsView(StatisticsRow Total, IReadOnlyList<StatisticsRow> ByPublic, IReadOnlyList<StatisticsRow> ByAge, IReadOnlyList<StatisticsRow> ByStructure,
    int Publications);

internal sealed class GetStatisticsHandler(MaBoiteDbContext db, IStructureDirectory structures, ITerritoryContext territory, TimeProvider clock)
    : IRequestHandler<GetStatistics, StatisticsView>
{
    public async Task<StatisticsView> Handle(GetStatistics request, CancellationToken cancellationToken)
    {
        var today = ParisTime.Today(clock);
        var spaces = await db.Spaces.AsNoTracking().Where(s => s.OpenedAt != null)
            .Select(s => new { s.Id, s.PublicType, s.BirthYear, s.StructureId, s.UsedBytes, s.LastActiveOn }).ToListAsync(cancellationToken);
        var readings = await db.PublicationViews.AsNoTracking().GroupBy(v => v.SpaceId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var names = (await structures.ListAsync(territory.Current!.Slug, cancellationToken)).ToDictionary(s => s.Id, s => s.Name);

        StatisticsRow Row(string group, IReadOnlyCollection<Guid> list)
        {
            var ids = list.ToHashSet();
            var members = spaces.Where(s => ids.Contains(s.Id)).ToList();
            return new(group, members.Count, members.Count(s => s.LastActiveOn is { } d && d.Year == today.Year && d.Month == today.Month),
                members.Sum(s => s.UsedBytes), members.Sum(s => readings.GetValueOrDefault(s.Id)));
        }

        return new StatisticsView(
            Row("Ensemble", spaces.Select(s => s.Id).ToList()),
            spaces.GroupBy(s => s.PublicType).OrderBy(g => g.Key).Select(g => Row(Space.PublicTypeLabel(g.Key), g.Select(s => s.Id).ToList())).ToList(),
            spaces.GroupBy(s => Space.AgeBand(s.BirthYear, today.Year)).OrderBy(g => g.Key).Select(g => Row(g.Key, g.Select(s => s.Id).ToList())).ToList(),
            spaces.GroupBy(s => s.StructureId).Select(g => Row(g.Key is { } id ? names.GetValueOrDefault(id, "Structure retirée") : "Non renseignée", g.Select(s => s.Id).ToList()))
                .OrderBy(r => r.Group).ToList(),
            await db.Publications.CountAsync(cancellationToken));
    }
}

/// <summary>One table of the statistics page.</summary>
public sealed record StatisticsTable(string Caption, IReadOnlyList<StatisticsRow> Rows);

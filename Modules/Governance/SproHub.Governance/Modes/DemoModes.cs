using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SproHub.Governance.Data;
using SproHub.Governance.Meetings;
using SproHub.Shared.Network;
using SproHub.Shared.Territories;

namespace SproHub.Governance.Modes;

/// <summary>
/// Indre-et-Loire's recorded mode: unlike the Cher, its local committee gathers the whole department each quarter; its
/// four basins each have a referent. The other departmental SPROs keep the Cher's mode, the basin SPROs theirs.
/// </summary>
internal static class DemoModes
{
    private const string Territory = "indre-et-loire";

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<GovernanceDbContext>();
        if (await db.Modes.IgnoreQueryFilters().AnyAsync(cancellationToken)) return;
        var basins = GovernanceModes.BasinsOf(Territory, await services.GetRequiredService<ITerritoryDirectory>().ListAsync(cancellationToken));
        var structures = await services.GetRequiredService<IStructureDirectory>().ListAsync(Territory, cancellationToken);
        var directors = (await services.GetRequiredService<IPersonDirectory>().ListAsync(structures.Select(s => s.Id).ToList(), cancellationToken))
            .Where(p => p.Function?.StartsWith("directeur") == true).ToList();
        if (basins.Count == 0 || directors.Count < basins.Count) return;

        var mode = new GovernanceMode { TerritoryId = Territory, UpdatedAt = DateTimeOffset.UtcNow, UpdatedBy = "démo" };
        mode.Rules.AddRange(new[]
        {
            (MeetingType.DirectorsPlenary, Frequency.JuneAndDecember), (MeetingType.DepartmentalCoordination, Frequency.Quarterly),
            (MeetingType.LocalCommittee, Frequency.Quarterly), (MeetingType.SchoolYearPlenary, Frequency.SchoolYearStart),
        }.Select(r => new ModeRule { TerritoryId = Territory, Type = r.Item1, Frequency = r.Item2, Level = MeetingLevel.Spro }));
        // Each basin's referent: a director of a structure of its town when there is one, another director otherwise.
        var free = directors.ToList();
        foreach (var basin in basins)
        {
            var town = structures.Where(s => basin.Name.EndsWith(s.Town, StringComparison.Ordinal)).Select(s => s.Id).ToHashSet();
            var person = free.FirstOrDefault(p => town.Contains(p.StructureId)) ?? free[0];
            free.Remove(person);
            mode.Referents.Add(new BasinReferent { TerritoryId = Territory, BasinId = basin.Slug, PersonId = person.Id, Name = person.FullName });
        }
        db.Modes.Add(mode);
        await db.SaveChangesAsync(cancellationToken);
    }
}

using Microsoft.EntityFrameworkCore;
using SproHub.Network.Coordinators;
using SproHub.Network.Data;
using SproHub.Network.Structures;
using SproHub.Shared.Network;

namespace SproHub.Network.People;

/// <summary>The agents as other modules see them (a Shared contract).</summary>
internal sealed class PersonDirectory(NetworkDbContext db) : IPersonDirectory
{
    public async Task<IReadOnlyList<PersonInfo>> ListAsync(IReadOnlyCollection<Guid> structureIds, CancellationToken cancellationToken = default) =>
        structureIds.Count == 0 ? [] : ToInfo(await db.People.AsNoTracking().Where(p => p.StructureId != null && structureIds.Contains(p.StructureId.Value)).ToListAsync(cancellationToken));

    public async Task<IReadOnlyList<PersonInfo>> FindAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default) =>
        ids.Count == 0 ? [] : ToInfo(await db.People.AsNoTracking().Where(p => ids.Contains(p.Id) && p.StructureId != null).ToListAsync(cancellationToken));

    public async Task<IReadOnlyList<PersonInfo>> FindByEmailAsync(string territoryId, string email, CancellationToken cancellationToken = default)
    {
        var normalised = email.Trim().ToLowerInvariant();
        return ToInfo(await (from p in db.People.AsNoTracking()
                             join s in db.Structures.AsNoTracking() on p.StructureId equals s.Id
                             where s.TerritoryId == territoryId && p.Email != null && p.Email.ToLower() == normalised
                             select p).ToListAsync(cancellationToken));
    }

    public async Task<IReadOnlyList<SproHub.Shared.Notifications.NotificationRecipient>> RegionAdministratorsAsync(CancellationToken cancellationToken = default) =>
        (await db.RegionAdministratorsAsync(cancellationToken)).Select(r => new SproHub.Shared.Notifications.NotificationRecipient(r.Email, r.Name)).ToList();

    public async Task<IReadOnlyList<PersonInfo>> CoordinatorsAsync(string territoryId, DateOnly onDate, CancellationToken cancellationToken = default)
    {
        var schoolYear = CoordinatorDesignation.SchoolYearOf(onDate);
        var designations = await db.CoordinatorDesignations.AsNoTracking().Where(d => d.TerritoryId == territoryId && d.SchoolYear <= schoolYear).ToListAsync(cancellationToken);
        if (designations.Count == 0) return [];
        var latest = designations.Max(d => d.SchoolYear);
        return await FindAsync(designations.Where(d => d.SchoolYear == latest).Select(d => d.PersonId).ToList(), cancellationToken);
    }

    private static List<PersonInfo> ToInfo(IEnumerable<Person> rows) =>
        rows.Select(p => new PersonInfo(p.Id, p.FirstName, p.LastName, p.Email, p.Function, p.StructureId!.Value, p.MaySign))
            .OrderBy(p => p.StructureId).ThenBy(p => p.LastName).ThenBy(p => p.FirstName).ToList();
}

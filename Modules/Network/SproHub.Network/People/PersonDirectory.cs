using Microsoft.EntityFrameworkCore;
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

    private static List<PersonInfo> ToInfo(IEnumerable<Person> rows) =>
        rows.Select(p => new PersonInfo(p.Id, p.FirstName, p.LastName, p.Email, p.Function, p.StructureId!.Value))
            .OrderBy(p => p.StructureId).ThenBy(p => p.LastName).ThenBy(p => p.FirstName).ToList();
}

using Microsoft.EntityFrameworkCore;
using SproHub.Network.Data;
using SproHub.Shared.Network;

namespace SproHub.Network.Structures;

/// <summary>The structures as plugins see them (a Shared contract): public directory data only.</summary>
internal sealed class StructureDirectory(NetworkDbContext db) : IStructureDirectory
{
    public async Task<IReadOnlyList<StructureInfo>> ListAsync(string territoryId, CancellationToken cancellationToken = default) =>
        ToInfo(await db.Structures.AsNoTracking().Where(s => s.TerritoryId == territoryId).ToListAsync(cancellationToken));

    public async Task<IReadOnlyList<StructureInfo>> DepartmentWideAsync(string territoryId, CancellationToken cancellationToken = default)
    {
        var department = await db.Territories.AsNoTracking().Where(t => t.Slug == territoryId).Select(t => t.DepartmentCode).FirstOrDefaultAsync(cancellationToken);
        if (department is null) return [];
        var localSpros = db.Territories.Where(t => t.DepartmentCode == department).Select(t => t.Slug);
        return ToInfo(await db.Structures.AsNoTracking().Where(s => s.DepartmentWide && localSpros.Contains(s.TerritoryId)).ToListAsync(cancellationToken));
    }

    public async Task<IReadOnlyList<StructureInfo>> FindAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default) =>
        ids.Count == 0 ? [] : ToInfo(await db.Structures.AsNoTracking().Where(s => ids.Contains(s.Id)).ToListAsync(cancellationToken));

    private static List<StructureInfo> ToInfo(IEnumerable<Structure> rows) =>
        rows.Select(s => new StructureInfo(s.Id, s.Name, s.NetworkLabel, s.Town, s.TerritoryId))
            .OrderBy(s => s.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true)).ToList();
}

using Microsoft.EntityFrameworkCore;
using SproHub.Network.Data;

namespace SproHub.Network.Territories;

internal static class TerritorySeed
{
    /// <summary>Adds any territory of the regional map not yet stored; never overwrites an edit.</summary>
    public static async Task EnsureAsync(NetworkDbContext db, CancellationToken cancellationToken)
    {
        var known = await db.Territories.Select(t => t.Slug).ToListAsync(cancellationToken);
        db.Territories.AddRange(RegionalMap.All().Where(t => !known.Contains(t.Slug)));
        await db.SaveChangesAsync(cancellationToken);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using SproHub.Network.Data;
using SproHub.Shared.Territories;

namespace SproHub.Network.Territories;

/// <summary>The territories as other modules see them (a Shared contract); reference data, cached briefly.</summary>
internal sealed class TerritoryDirectory(NetworkDbContext db, IMemoryCache cache) : ITerritoryDirectory
{
    private const string CacheKey = "network:territories";

    public async Task<IReadOnlyList<TerritoryInfo>> ListAsync(CancellationToken cancellationToken = default) =>
        (await cache.GetOrCreateAsync(CacheKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            var rows = await db.Territories.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(cancellationToken);
            return (IReadOnlyList<TerritoryInfo>)rows.Select(t => t.ToInfo()).ToList();
        }))!;

    public async Task<TerritoryInfo?> FindAsync(string slug, CancellationToken cancellationToken = default) =>
        (await ListAsync(cancellationToken)).FirstOrDefault(t => t.Slug == slug);
}

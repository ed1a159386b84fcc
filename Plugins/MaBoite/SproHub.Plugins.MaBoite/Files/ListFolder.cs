using MediatR;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.MaBoite.Data;
using SproHub.Plugins.MaBoite.Spaces;
using SproHub.Shared.Security;

namespace SproHub.Plugins.MaBoite.Files;

/// <summary>What a folder of one's space holds (the root when no folder), folders first, by name as French sorts it.</summary>
[RequiresPermission(MaBoiteModule.SpacePermission)]
public sealed record ListFolder(Guid? FolderId) : IRequest<FolderContents>;

/// <summary>
/// The files of recently listed folders, kept in this host's memory under their space's content stamp: reading 10,000
/// rows from SQLite was most of a large folder's listing (docs/benchmarks.md). A change anywhere moves the stamp, so a
/// stale listing is never served, by this host or another.
/// </summary>
public sealed class ListingCache
{
    private readonly Microsoft.Extensions.Caching.Memory.MemoryCache _cache = new(new Microsoft.Extensions.Caching.Memory.MemoryCacheOptions { SizeLimit = 200_000 });

    public async Task<IReadOnlyList<FileEntry>> GetOrLoadAsync(Guid space, Guid? folder, long stamp, Func<Task<List<FileEntry>>> load)
    {
        var key = (space, folder, stamp);
        if (_cache.TryGetValue(key, out IReadOnlyList<FileEntry>? cached)) return cached!;
        var loaded = await load();
        _cache.Set(key, (IReadOnlyList<FileEntry>)loaded, new Microsoft.Extensions.Caching.Memory.MemoryCacheEntryOptions
            { Size = Math.Max(1, loaded.Count), SlidingExpiration = TimeSpan.FromMinutes(5) });
        return loaded;
    }
}

public sealed record FolderContents(FolderLine? Folder, IReadOnlyList<FolderLine> Path, IReadOnlyList<FolderLine> Folders, IReadOnlyList<FileEntry> Documents);

internal sealed class ListFolderHandler(MaBoiteDbContext db, SpaceAccess access, ListingCache cache) : IRequestHandler<ListFolder, FolderContents>
{
    private static readonly StringComparer French = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), ignoreCase: true);

    public async Task<FolderContents> Handle(ListFolder request, CancellationToken cancellationToken)
    {
        var space = await access.MineAsync(cancellationToken);
        if (request.FolderId is { } id) await Folders.LiveAsync(db, space.Id, id, "folderId", cancellationToken);
        var path = await Folders.PathAsync(db, space.Id, request.FolderId, cancellationToken);
        var folders = await db.Folders.AsNoTracking().Where(f => f.SpaceId == space.Id && f.ParentId == request.FolderId && f.TrashedAt == null)
            .Select(f => new FolderLine(f.Id, f.Name, f.ParentId, f.Version)).ToListAsync(cancellationToken);
        var documents = await cache.GetOrLoadAsync(space.Id, request.FolderId, space.ContentStamp, () =>
            // In the order of the index on (space, folder, name key), read as plain rows: a folder of 10,000 files is one index scan.
            db.Documents.AsNoTracking().Where(d => d.SpaceId == space.Id && d.FolderId == request.FolderId && d.TrashedAt == null)
                .OrderBy(d => d.NameKey).Select(d => new FileEntry(d.Id, d.Name, d.ContentType, d.Size, d.UploadedAt, d.Version)).ToListAsync(cancellationToken));
        return new FolderContents(path.LastOrDefault(), path, folders.OrderBy(f => f.Name, French).ToList(), documents);
    }
}

using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.MaBoite.Data;
using SproHub.Shared.Errors;

namespace SproHub.Plugins.MaBoite.Files;

/// <summary>A file as a folder lists it: what a client needs to show it and act on it (its checksum is in <see cref="DocumentLine"/>).</summary>
public sealed record FileEntry(Guid Id, string Name, string ContentType, long Size, DateTimeOffset UploadedAt, int Version)
{
    [System.Text.Json.Serialization.JsonIgnore] public string Kind => FileKinds.Label(ContentType);
    [System.Text.Json.Serialization.JsonIgnore] public string SizeText => Spaces.Sizes.Format(Size);
    public bool CanPreview => FileKinds.CanPreview(ContentType);
}

public sealed record DocumentLine(Guid Id, string Name, string ContentType, string Kind, long Size, string SizeText, string Sha256, DateTimeOffset UploadedAt,
    Guid? FolderId, bool CanPreview, int Version)
{
    public static DocumentLine Of(Document d) =>
        new(d.Id, d.Name, d.ContentType, FileKinds.Label(d.ContentType), d.Size, Spaces.Sizes.Format(d.Size), d.Sha256, d.UploadedAt, d.FolderId, d.CanPreview, d.Version);
}

public sealed record FolderLine(Guid Id, string Name, Guid? ParentId, int Version);

/// <summary>Finding a person's folders and documents; what is in the trash is not "live".</summary>
internal static class Folders
{
    public static async Task<Folder> LiveAsync(MaBoiteDbContext db, Guid spaceId, Guid folderId, string field, CancellationToken cancellationToken, bool track = false)
    {
        var folders = track ? db.Folders : db.Folders.AsNoTracking();
        return await folders.SingleOrDefaultAsync(f => f.Id == folderId && f.SpaceId == spaceId && f.TrashedAt == null, cancellationToken)
            ?? throw new RuleViolationException(field, "dossier-existant", "Ce dossier n'existe pas (ou plus) dans votre espace.");
    }

    /// <summary>The folder and its ancestors, root first (the breadcrumb).</summary>
    public static async Task<IReadOnlyList<FolderLine>> PathAsync(MaBoiteDbContext db, Guid spaceId, Guid? folderId, CancellationToken cancellationToken)
    {
        if (folderId is null) return [];
        var all = await db.Folders.AsNoTracking().Where(f => f.SpaceId == spaceId && f.TrashedAt == null)
            .Select(f => new FolderLine(f.Id, f.Name, f.ParentId, f.Version)).ToDictionaryAsync(f => f.Id, cancellationToken);
        var path = new List<FolderLine>();
        for (var id = folderId; id is { } current && all.TryGetValue(current, out var folder) && path.Count < 64; id = folder.ParentId) path.Insert(0, folder);
        return path;
    }

    /// <summary>The ids of a folder's descendants (not itself), through the live folders of the space.</summary>
    public static async Task<IReadOnlyList<Guid>> DescendantsAsync(MaBoiteDbContext db, Guid spaceId, Guid folderId, CancellationToken cancellationToken)
    {
        var children = (await db.Folders.AsNoTracking().Where(f => f.SpaceId == spaceId && f.TrashedAt == null && f.ParentId != null)
            .Select(f => new { f.Id, f.ParentId }).ToListAsync(cancellationToken)).ToLookup(f => f.ParentId!.Value, f => f.Id);
        var found = new List<Guid>();
        var queue = new Queue<Guid>([folderId]);
        while (queue.Count > 0)
            foreach (var child in children[queue.Dequeue()])
            {
                found.Add(child);
                queue.Enqueue(child);
            }
        return found;
    }
}

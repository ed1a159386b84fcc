using MediatR;
using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.MaBoite.Data;
using SproHub.Plugins.MaBoite.Spaces;
using SproHub.Shared.Security;

namespace SproHub.Plugins.MaBoite.Files;

/// <summary>Every live folder of one's space with its full path (« Diplômes / Bac »): where a file can be moved.</summary>
[RequiresPermission(MaBoiteModule.SpacePermission)]
public sealed record ListFolderTree : IRequest<IReadOnlyList<FolderChoice>>;

public sealed record FolderChoice(Guid Id, string Path);

internal sealed class ListFolderTreeHandler(MaBoiteDbContext db, SpaceAccess access) : IRequestHandler<ListFolderTree, IReadOnlyList<FolderChoice>>
{
    public async Task<IReadOnlyList<FolderChoice>> Handle(ListFolderTree request, CancellationToken cancellationToken)
    {
        var space = await access.MineAsync(cancellationToken);
        var folders = await db.Folders.AsNoTracking().Where(f => f.SpaceId == space.Id && f.TrashedAt == null)
            .Select(f => new { f.Id, f.Name, f.ParentId }).ToDictionaryAsync(f => f.Id, cancellationToken);
        string PathOf(Guid id, int depth = 0) =>
            folders.TryGetValue(id, out var f) ? (f.ParentId is { } parent && depth < 64 ? PathOf(parent, depth + 1) + " / " : "") + f.Name : "";
        return folders.Keys.Select(id => new FolderChoice(id, PathOf(id)))
            .OrderBy(c => c.Path, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true)).ToList();
    }
}

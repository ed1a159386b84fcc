using MediatR;
using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.MaBoite.Data;
using SproHub.Plugins.MaBoite.Spaces;
using SproHub.Shared.Security;

namespace SproHub.Plugins.MaBoite.Files;

/// <summary>What a folder of one's space holds (the root when no folder), folders first, by name as French sorts it.</summary>
[RequiresPermission(MaBoiteModule.SpacePermission)]
public sealed record ListFolder(Guid? FolderId) : IRequest<FolderContents>;

public sealed record FolderContents(FolderLine? Folder, IReadOnlyList<FolderLine> Path, IReadOnlyList<FolderLine> Folders, IReadOnlyList<DocumentLine> Documents);

internal sealed class ListFolderHandler(MaBoiteDbContext db, SpaceAccess access) : IRequestHandler<ListFolder, FolderContents>
{
    private static readonly StringComparer French = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), ignoreCase: true);

    public async Task<FolderContents> Handle(ListFolder request, CancellationToken cancellationToken)
    {
        var space = await access.MineAsync(cancellationToken);
        if (request.FolderId is { } id) await Folders.LiveAsync(db, space.Id, id, "folderId", cancellationToken);
        var path = await Folders.PathAsync(db, space.Id, request.FolderId, cancellationToken);
        var folders = await db.Folders.AsNoTracking().Where(f => f.SpaceId == space.Id && f.ParentId == request.FolderId && f.TrashedAt == null)
            .Select(f => new FolderLine(f.Id, f.Name, f.ParentId, f.Version)).ToListAsync(cancellationToken);
        var documents = await db.Documents.AsNoTracking().Where(d => d.SpaceId == space.Id && d.FolderId == request.FolderId && d.TrashedAt == null)
            .ToListAsync(cancellationToken);
        return new FolderContents(path.LastOrDefault(), path, folders.OrderBy(f => f.Name, French).ToList(),
            documents.Select(DocumentLine.Of).OrderBy(d => d.Name, French).ToList());
    }
}

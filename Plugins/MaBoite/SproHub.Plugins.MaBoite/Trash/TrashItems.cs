using MediatR;
using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.MaBoite.Data;
using SproHub.Plugins.MaBoite.Files;
using SproHub.Plugins.MaBoite.Spaces;
using SproHub.Shared.Errors;
using SproHub.Shared.Security;

namespace SproHub.Plugins.MaBoite.Trash;

/// <summary>Puts a file, or a folder with all it holds, in the trash; it stays there 30 days and still counts in the space.</summary>
[RequiresPermission(MaBoiteModule.SpacePermission)]
public sealed record MoveToTrash(ItemKind Kind, Guid Id) : IRequest<Unit>;

/// <summary>Brings an item of the trash back where it was (to the root when its folder is gone).</summary>
[RequiresPermission(MaBoiteModule.SpacePermission)]
public sealed record RestoreFromTrash(ItemKind Kind, Guid Id) : IRequest<Unit>;

/// <summary>Deletes an item of the trash for good (a folder with what it held); the space gets its room back.</summary>
[RequiresPermission(MaBoiteModule.SpacePermission)]
public sealed record DeleteFromTrash(ItemKind Kind, Guid Id) : IRequest<Unit>;

[RequiresPermission(MaBoiteModule.SpacePermission)]
public sealed record EmptyTrash : IRequest<int>;

/// <summary>How many files emptying the trash deleted (a named type: the compile-time request delegate generator cannot write an anonymous one).</summary>
public sealed record TrashEmptied(int Deleted);

[RequiresPermission(MaBoiteModule.SpacePermission)]
public sealed record ListTrash : IRequest<IReadOnlyList<TrashLine>>;

/// <param name="Files">For a folder, how many files went with it.</param>
public sealed record TrashLine(ItemKind Kind, Guid Id, string Name, DateTimeOffset TrashedAt, DateTimeOffset GoneAt, long Size, string SizeText, int Files);

internal sealed class TrashHandlers(MaBoiteDbContext db, SpaceAccess access, TrashBin bin, TimeProvider clock)
    : IRequestHandler<MoveToTrash, Unit>, IRequestHandler<RestoreFromTrash, Unit>, IRequestHandler<DeleteFromTrash, Unit>,
      IRequestHandler<EmptyTrash, int>, IRequestHandler<ListTrash, IReadOnlyList<TrashLine>>
{
    public async Task<Unit> Handle(MoveToTrash request, CancellationToken cancellationToken)
    {
        var space = await access.MineAsync(cancellationToken);
        var now = clock.GetUtcNow();
        if (request.Kind == ItemKind.Document)
        {
            var document = await db.Documents.SingleOrDefaultAsync(d => d.Id == request.Id && d.SpaceId == space.Id && d.TrashedAt == null, cancellationToken)
                ?? throw new NotFoundException("Ce fichier n'existe pas (ou plus) dans votre espace.");
            document.TrashedAt = now;
        }
        else
        {
            var folder = await Folders.LiveAsync(db, space.Id, request.Id, "id", cancellationToken, track: true);
            folder.TrashedAt = now;
            var inside = (await Folders.DescendantsAsync(db, space.Id, folder.Id, cancellationToken)).Append(folder.Id).ToList();
            foreach (var sub in await db.Folders.Where(f => f.SpaceId == space.Id && f.TrashedAt == null && inside.Contains(f.Id) && f.Id != folder.Id).ToListAsync(cancellationToken))
                (sub.TrashedAt, sub.TrashedWithFolderId) = (now, folder.Id);
            foreach (var document in await db.Documents.Where(d => d.SpaceId == space.Id && d.TrashedAt == null && d.FolderId != null && inside.Contains(d.FolderId.Value)).ToListAsync(cancellationToken))
                (document.TrashedAt, document.TrashedWithFolderId) = (now, folder.Id);
        }
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    public async Task<Unit> Handle(RestoreFromTrash request, CancellationToken cancellationToken)
    {
        var space = await access.MineAsync(cancellationToken);
        var liveFolders = await db.Folders.AsNoTracking().Where(f => f.SpaceId == space.Id && f.TrashedAt == null).Select(f => f.Id).ToListAsync(cancellationToken);
        if (request.Kind == ItemKind.Document)
        {
            var document = await TrashedDocumentAsync(space.Id, request.Id, cancellationToken);
            document.TrashedAt = null;
            if (document.FolderId is { } folderId && !liveFolders.Contains(folderId)) document.FolderId = null;
        }
        else
        {
            var folder = await TrashedFolderAsync(space.Id, request.Id, cancellationToken);
            folder.TrashedAt = null;
            if (folder.ParentId is { } parent && !liveFolders.Contains(parent)) folder.ParentId = null;
            foreach (var sub in await db.Folders.Where(f => f.SpaceId == space.Id && f.TrashedWithFolderId == folder.Id).ToListAsync(cancellationToken))
                (sub.TrashedAt, sub.TrashedWithFolderId) = (null, null);
            foreach (var document in await db.Documents.Where(d => d.SpaceId == space.Id && d.TrashedWithFolderId == folder.Id).ToListAsync(cancellationToken))
                (document.TrashedAt, document.TrashedWithFolderId) = (null, null);
        }
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    public async Task<Unit> Handle(DeleteFromTrash request, CancellationToken cancellationToken)
    {
        var space = await access.MineAsync(cancellationToken);
        if (request.Kind == ItemKind.Document)
            await bin.DeleteForeverAsync(space.Id, [await TrashedDocumentAsync(space.Id, request.Id, cancellationToken)], [], "supprimé de la corbeille", cancellationToken);
        else
        {
            var folder = await TrashedFolderAsync(space.Id, request.Id, cancellationToken);
            var folders = await db.Folders.Where(f => f.SpaceId == space.Id && f.TrashedWithFolderId == folder.Id).ToListAsync(cancellationToken);
            var documents = await db.Documents.Where(d => d.SpaceId == space.Id && d.TrashedWithFolderId == folder.Id).ToListAsync(cancellationToken);
            await bin.DeleteForeverAsync(space.Id, documents, [folder, .. folders], "supprimé de la corbeille", cancellationToken);
        }
        return Unit.Value;
    }

    public async Task<int> Handle(EmptyTrash request, CancellationToken cancellationToken)
    {
        var space = await access.MineAsync(cancellationToken);
        var documents = await db.Documents.Where(d => d.SpaceId == space.Id && d.TrashedAt != null).ToListAsync(cancellationToken);
        var folders = await db.Folders.Where(f => f.SpaceId == space.Id && f.TrashedAt != null).ToListAsync(cancellationToken);
        return await bin.DeleteForeverAsync(space.Id, documents, folders, "corbeille vidée", cancellationToken);
    }

    public async Task<IReadOnlyList<TrashLine>> Handle(ListTrash request, CancellationToken cancellationToken)
    {
        var space = await access.MineAsync(cancellationToken);
        var documents = await db.Documents.AsNoTracking().Where(d => d.SpaceId == space.Id && d.TrashedAt != null).ToListAsync(cancellationToken);
        var folders = await db.Folders.AsNoTracking().Where(f => f.SpaceId == space.Id && f.TrashedAt != null && f.TrashedWithFolderId == null).ToListAsync(cancellationToken);
        var lines = documents.Where(d => d.TrashedWithFolderId is null)
            .Select(d => new TrashLine(ItemKind.Document, d.Id, d.Name, d.TrashedAt!.Value, d.TrashedAt.Value.AddDays(Names.TrashDays), d.Size, Sizes.Format(d.Size), 1))
            .Concat(folders.Select(f =>
            {
                var held = documents.Where(d => d.TrashedWithFolderId == f.Id).ToList();
                var size = held.Sum(d => d.Size);
                return new TrashLine(ItemKind.Folder, f.Id, f.Name, f.TrashedAt!.Value, f.TrashedAt.Value.AddDays(Names.TrashDays), size, Sizes.Format(size), held.Count);
            }));
        return lines.OrderByDescending(l => l.TrashedAt).ToList();
    }

    private async Task<Document> TrashedDocumentAsync(Guid spaceId, Guid id, CancellationToken cancellationToken) =>
        await db.Documents.SingleOrDefaultAsync(d => d.Id == id && d.SpaceId == spaceId && d.TrashedAt != null && d.TrashedWithFolderId == null, cancellationToken)
        ?? throw new NotFoundException("Ce fichier n'est pas dans votre corbeille.");

    private async Task<Folder> TrashedFolderAsync(Guid spaceId, Guid id, CancellationToken cancellationToken) =>
        await db.Folders.SingleOrDefaultAsync(f => f.Id == id && f.SpaceId == spaceId && f.TrashedAt != null && f.TrashedWithFolderId == null, cancellationToken)
        ?? throw new NotFoundException("Ce dossier n'est pas dans votre corbeille.");
}

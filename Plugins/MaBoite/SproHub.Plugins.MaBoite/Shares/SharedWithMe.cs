using MediatR;
using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.MaBoite.Data;
using SproHub.Plugins.MaBoite.Files;
using SproHub.Shared.Audit;
using SproHub.Shared.Errors;
using SproHub.Shared.Files;
using SproHub.Shared.Notifications;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.MaBoite.Shares;

/// <summary>What people shared with the signed-in agent and that is still open, the newest first.</summary>
[RequiresPermission(MaBoiteModule.ReceiveSharesPermission)]
public sealed record ListSharesReceived : IRequest<IReadOnlyList<ReceivedShare>>;

/// <summary>One share's documents (for a folder, all it holds, with their place in it); the reading is audited.</summary>
[RequiresPermission(MaBoiteModule.ReceiveSharesPermission)]
public sealed record OpenShare(Guid ShareId) : IRequest<ShareContents>;

[RequiresPermission(MaBoiteModule.ReceiveSharesPermission)]
public sealed record OpenSharedDocument(Guid ShareId, Guid DocumentId) : IRequest<DocumentContent>;

/// <summary>With an editable share: the adviser adds a document to the shared folder, or a corrected version of a shared file (<paramref name="ReplacingId"/>).</summary>
[RequiresPermission(MaBoiteModule.ReceiveSharesPermission)]
public sealed record AddToShare(Guid ShareId, Guid? ReplacingId, System.IO.Pipelines.PipeReader Content, string FileName, long? DeclaredLength) : IRequest<DocumentLine>;

public sealed record ReceivedShare(Guid Id, string PersonName, string ItemName, ItemKind ItemKind, ShareAccess Access, DateOnly ExpiresOn);

public sealed record SharedDocument(Guid Id, string Name, string Place, string Kind, string SizeText, DateTimeOffset UploadedAt, bool CanPreview);

public sealed record ShareContents(ReceivedShare Share, IReadOnlyList<SharedDocument> Documents);

internal sealed class SharedWithMeHandlers(MaBoiteDbContext db, ICurrentUser user, IFileStore store, SpaceStorage storage, INotifier notifier, IAuditLog audit,
    TimeProvider clock) : IRequestHandler<ListSharesReceived, IReadOnlyList<ReceivedShare>>, IRequestHandler<OpenShare, ShareContents>,
    IRequestHandler<OpenSharedDocument, DocumentContent>, IRequestHandler<AddToShare, DocumentLine>
{
    private string Me => user.Email?.Trim().ToLowerInvariant() ?? throw new NotAuthenticatedException();

    public async Task<IReadOnlyList<ReceivedShare>> Handle(ListSharesReceived request, CancellationToken cancellationToken)
    {
        var today = ParisTime.Today(clock);
        var shares = await db.Shares.AsNoTracking().Where(s => s.AgentEmail == Me && s.RevokedAt == null && s.ExpiresOn >= today).ToListAsync(cancellationToken);
        return (await DescribeAsync(shares, cancellationToken)).OrderByDescending(l => l.Created.UtcTicks).Select(l => l.Line).ToList();
    }

    public async Task<ShareContents> Handle(OpenShare request, CancellationToken cancellationToken)
    {
        var share = await ActiveAsync(request.ShareId, cancellationToken);
        var described = (await DescribeAsync([share], cancellationToken)).SingleOrDefault().Line ?? throw new NotFoundException("Le document partagé a été supprimé.");
        var documents = await DocumentsAsync(share, cancellationToken);
        await audit.RecordAsync(new AuditEntry(MaBoiteModule.Id, "partage.consulte", "share", share.Id.ToString(), share.TerritoryId, SproHub.Shared.Text.French.Count(documents.Count, "document", "documents")), cancellationToken);
        return new ShareContents(described, documents.Select(d => new SharedDocument(d.Document.Id, d.Document.Name, d.Place, FileKinds.Label(d.Document.ContentType),
            Spaces.Sizes.Format(d.Document.Size), d.Document.UploadedAt, d.Document.CanPreview)).ToList());
    }

    public async Task<DocumentContent> Handle(OpenSharedDocument request, CancellationToken cancellationToken)
    {
        var share = await ActiveAsync(request.ShareId, cancellationToken);
        var document = (await DocumentsAsync(share, cancellationToken)).FirstOrDefault(d => d.Document.Id == request.DocumentId).Document
            ?? throw new NotFoundException("Ce document ne fait pas partie du partage.");
        var now = clock.GetUtcNow();
        await db.Shares.Where(s => s.Id == share.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastOpenedAt, now), cancellationToken);
        await audit.RecordAsync(new AuditEntry(MaBoiteModule.Id, "partage.document-lu", "document", document.Id.ToString(), share.TerritoryId, $"partage {share.Id}"), cancellationToken);
        return await OpenDocumentHandler.ContentOf(store, document, cancellationToken);
    }

    public async Task<DocumentLine> Handle(AddToShare request, CancellationToken cancellationToken)
    {
        var share = await ActiveAsync(request.ShareId, cancellationToken);
        if (share.Access != ShareAccess.Edit) throw new ForbiddenException("Ce partage est en consultation seule.");
        var space = await db.Spaces.AsNoTracking().SingleAsync(s => s.Id == share.SpaceId, cancellationToken);
        Document? replacing = null;
        if (request.ReplacingId is { } replacingId)
            replacing = (await DocumentsAsync(share, cancellationToken, track: true)).FirstOrDefault(d => d.Document.Id == replacingId).Document
                ?? throw new NotFoundException("Ce document ne fait pas partie du partage.");
        else if (share.ItemKind != ItemKind.Folder)
            throw new RuleViolationException("replacingId", "version-corrigee", "Sur un fichier partagé, déposez une version corrigée de ce fichier.");
        var folderId = share.ItemKind == ItemKind.Folder ? share.ItemId : (Guid?)null;
        var who = user.DisplayName ?? share.AgentName;
        notifier.Queue(db, new Notification(MaBoiteModule.Id, MaBoiteModule.AdviserDocumentKind, share.TerritoryId, [new NotificationRecipient(space.Email, space.DisplayName)],
            replacing is null ? $"{who} a ajouté un document dans votre espace" : $"{who} a déposé une version corrigée de « {replacing.Name} »",
            $"{who} a déposé un document dans ce que vous lui avez partagé sur ma boîte SPRO. Il compte dans votre espace ; vous pouvez le garder, le renommer ou le supprimer.",
            $"/t/{share.TerritoryId}/ma-boite/fichiers" + (folderId is { } f ? $"?dossier={f}" : "")));
        return DocumentLine.Of(await storage.StoreAsync(space, request.Content, request.FileName, request.DeclaredLength, folderId, replacing, who, cancellationToken));
    }

    /// <summary>The caller's own share, still open; a revoked or expired one says so.</summary>
    private async Task<Share> ActiveAsync(Guid shareId, CancellationToken cancellationToken)
    {
        var share = await db.Shares.AsNoTracking().SingleOrDefaultAsync(s => s.Id == shareId && s.AgentEmail == Me, cancellationToken)
            ?? throw new NotFoundException("Aucun partage de ce numéro ne vous est adressé.");
        if (share.RevokedAt is not null) throw new ForbiddenException("Ce partage a été révoqué par la personne.");
        if (!share.IsActive(ParisTime.Today(clock))) throw new ForbiddenException($"Ce partage a pris fin le {share.ExpiresOn:dd/MM/yyyy}.");
        return share;
    }

    /// <summary>Who shared and what, for any number of shares in three queries; a share whose item is in the trash or gone is left out.</summary>
    private async Task<IReadOnlyList<(ReceivedShare Line, DateTimeOffset Created)>> DescribeAsync(IReadOnlyList<Share> shares, CancellationToken cancellationToken)
    {
        var spaceIds = shares.Select(s => s.SpaceId).Distinct().ToList();
        var itemIds = shares.Select(s => s.ItemId).Distinct().ToList();
        var people = await db.Spaces.AsNoTracking().Where(s => spaceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.DisplayName, cancellationToken);
        var documents = await db.Documents.AsNoTracking().Where(d => itemIds.Contains(d.Id) && d.TrashedAt == null).ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);
        var folders = await db.Folders.AsNoTracking().Where(f => itemIds.Contains(f.Id) && f.TrashedAt == null).ToDictionaryAsync(f => f.Id, f => f.Name, cancellationToken);
        return shares.Select(share => (share, name: (share.ItemKind == ItemKind.Document ? documents : folders).GetValueOrDefault(share.ItemId)))
            .Where(x => x.name is not null)
            .Select(x => (new ReceivedShare(x.share.Id, people[x.share.SpaceId], x.name!, x.share.ItemKind, x.share.Access, x.share.ExpiresOn), x.share.CreatedAt))
            .ToList();
    }

    /// <summary>The live documents the share covers, with their folder path under the shared folder.</summary>
    private async Task<IReadOnlyList<(Document Document, string Place)>> DocumentsAsync(Share share, CancellationToken cancellationToken, bool track = false)
    {
        var documents = track ? db.Documents : db.Documents.AsNoTracking();
        if (share.ItemKind == ItemKind.Document)
            return (await documents.Where(d => d.Id == share.ItemId && d.SpaceId == share.SpaceId && d.TrashedAt == null).ToListAsync(cancellationToken))
                .Select(d => (d, "")).ToList();
        var folders = await db.Folders.AsNoTracking().Where(f => f.SpaceId == share.SpaceId && f.TrashedAt == null).ToDictionaryAsync(f => f.Id, cancellationToken);
        if (!folders.ContainsKey(share.ItemId)) return [];
        var inside = (await Folders.DescendantsAsync(db, share.SpaceId, share.ItemId, cancellationToken)).Append(share.ItemId).ToList();
        string PlaceOf(Guid? id) => id is { } f && f != share.ItemId && folders.TryGetValue(f, out var folder) ? $"{PlaceOf(folder.ParentId)}{folder.Name} / " : "";
        return (await documents.Where(d => d.SpaceId == share.SpaceId && d.TrashedAt == null && d.FolderId != null && inside.Contains(d.FolderId.Value)).ToListAsync(cancellationToken))
            .Select(d => (d, PlaceOf(d.FolderId).TrimEnd(' ', '/'))).OrderBy(d => d.Item2).ThenBy(d => d.d.Name).ToList();
    }
}

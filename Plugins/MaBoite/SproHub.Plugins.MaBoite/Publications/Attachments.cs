using MediatR;
using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.MaBoite.Data;
using SproHub.Plugins.MaBoite.Files;
using SproHub.Plugins.MaBoite.Spaces;
using SproHub.Shared.Audit;
using SproHub.Shared.Errors;
using SproHub.Shared.Files;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.MaBoite.Publications;

/// <summary>An agent joins a document (a guide, a form) to a publication, streamed to the file store; a new one replaces the last.</summary>
[RequiresPermission(MaBoiteModule.PublishPermission)]
public sealed record AttachDocument(Guid PublicationId, Stream Content, string FileName) : IRequest<PublicationLine>;

/// <summary>The document of a publication, for the people it is aimed at (or the agents who publish).</summary>
[RequiresPermission(MaBoiteModule.SpacePermission)]
public sealed record OpenAttachment(Guid PublicationId) : IRequest<DocumentContent>;

internal sealed class AttachmentHandlers(MaBoiteDbContext db, SpaceAccess access, IFileStore store, IAuditLog audit, IMediator mediator, TimeProvider clock)
    : IRequestHandler<AttachDocument, PublicationLine>, IRequestHandler<OpenAttachment, DocumentContent>
{
    public async Task<PublicationLine> Handle(AttachDocument request, CancellationToken cancellationToken)
    {
        var publication = await db.Publications.SingleOrDefaultAsync(p => p.Id == request.PublicationId && p.WithdrawnAt == null, cancellationToken)
            ?? throw new NotFoundException("Publication introuvable.");
        var name = Names.Clean(request.FileName, Document.NameMaxLength, "file");
        var stored = await store.SaveAsync(request.Content, name, Publication.AttachmentMaxBytes, FileKinds.Accepted, "file", cancellationToken);
        var previous = publication.AttachmentStoreId;
        try
        {
            (publication.AttachmentStoreId, publication.AttachmentName, publication.AttachmentType, publication.AttachmentSize) =
                (stored.Id, name, FileKinds.Served(stored.ContentType, name), stored.Size);
            audit.Queue(db, new AuditEntry(MaBoiteModule.Id, "publication.document-joint", "publication", publication.Id.ToString(), publication.TerritoryId, name));
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            await store.DeleteAsync(stored.Id, CancellationToken.None);
            throw;
        }
        if (previous is { } old) await store.DeleteAsync(old, CancellationToken.None);
        return (await mediator.Send(new ListPublications(), cancellationToken)).Single(l => l.Id == publication.Id);
    }

    public async Task<DocumentContent> Handle(OpenAttachment request, CancellationToken cancellationToken)
    {
        var space = await access.MineAsync(cancellationToken);
        var publication = await db.Publications.AsNoTracking().SingleOrDefaultAsync(p => p.Id == request.PublicationId && p.WithdrawnAt == null, cancellationToken);
        if (publication is null || !publication.Targets(space, ParisTime.Today(clock).Year) || publication.AttachmentStoreId is not { } id)
            throw new NotFoundException("Ce document n'existe pas (ou plus).");
        var content = await store.OpenAsync(id, cancellationToken) ?? throw new NotFoundException("Le contenu de ce document est introuvable.");
        return new DocumentContent(publication.AttachmentName!, publication.AttachmentType!, publication.AttachmentSize, "", FileKinds.CanPreview(publication.AttachmentType!), content);
    }
}

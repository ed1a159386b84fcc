using MediatR;
using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.MaBoite.Data;
using SproHub.Plugins.MaBoite.Spaces;
using SproHub.Shared.Errors;
using SproHub.Shared.Files;
using SproHub.Shared.Security;

namespace SproHub.Plugins.MaBoite.Files;

/// <summary>The bytes of one of one's files (to download or preview); the caller disposes the stream.</summary>
[RequiresPermission(MaBoiteModule.SpacePermission)]
public sealed record OpenDocument(Guid Id) : IRequest<DocumentContent>;

public sealed record DocumentContent(string Name, string ContentType, long Size, string Sha256, bool CanPreview, Stream Content);

internal sealed class OpenDocumentHandler(MaBoiteDbContext db, SpaceAccess access, IFileStore store) : IRequestHandler<OpenDocument, DocumentContent>
{
    public async Task<DocumentContent> Handle(OpenDocument request, CancellationToken cancellationToken)
    {
        var space = await access.MineAsync(cancellationToken);
        var document = await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == request.Id && d.SpaceId == space.Id, cancellationToken)
            ?? throw new NotFoundException("Ce fichier n'existe pas dans votre espace.");
        return await ContentOf(store, document, cancellationToken);
    }

    public static async Task<DocumentContent> ContentOf(IFileStore store, Document document, CancellationToken cancellationToken) =>
        new(document.Name, document.ContentType, document.Size, document.Sha256, document.CanPreview,
            await store.OpenAsync(document.StoreId, cancellationToken) ?? throw new NotFoundException("Le contenu de ce fichier est introuvable."));
}

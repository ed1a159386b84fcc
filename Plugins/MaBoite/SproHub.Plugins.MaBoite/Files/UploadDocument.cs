using System.IO.Pipelines;
using MediatR;
using SproHub.Plugins.MaBoite.Data;
using SproHub.Plugins.MaBoite.Spaces;
using SproHub.Shared.Security;

namespace SproHub.Plugins.MaBoite.Files;

/// <summary>A file streamed into the person's own space (see <see cref="SpaceStorage"/> for the quota).</summary>
/// <param name="Content">Read to its end, not completed: the request's body pipe, or a form section's stream as a pipe.</param>
/// <param name="DeclaredLength">The length the client announced (Content-Length), when it did.</param>
[RequiresPermission(MaBoiteModule.SpacePermission)]
public sealed record UploadDocument(PipeReader Content, string FileName, Guid? FolderId, long? DeclaredLength) : IRequest<DocumentLine>;

internal sealed class UploadDocumentHandler(MaBoiteDbContext db, SpaceAccess access, SpaceStorage storage, ICurrentUser user)
    : IRequestHandler<UploadDocument, DocumentLine>
{
    public async Task<DocumentLine> Handle(UploadDocument request, CancellationToken cancellationToken)
    {
        var space = await access.MineAsync(cancellationToken);
        if (request.FolderId is { } folderId) await Folders.LiveAsync(db, space.Id, folderId, "folderId", cancellationToken);
        return DocumentLine.Of(await storage.StoreAsync(space, request.Content, request.FileName, request.DeclaredLength, request.FolderId, null,
            user.DisplayName ?? "la personne", cancellationToken));
    }
}

using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.MaBoite.Data;
using SproHub.Plugins.MaBoite.Spaces;
using SproHub.Shared.Data;
using SproHub.Shared.Errors;
using SproHub.Shared.Security;

namespace SproHub.Plugins.MaBoite.Files;

public enum ItemKind { Document, Folder }

/// <summary>Renames and/or moves a file or a folder of one's space (a folder never into itself or below it).</summary>
/// <param name="Name">The new name, or null to keep it.</param>
/// <param name="MoveTo">Whether to move; then <paramref name="TargetFolderId"/> (null: the root).</param>
[RequiresPermission(MaBoiteModule.SpacePermission)]
public sealed record OrganiseItem(ItemKind Kind, Guid Id, string? Name, bool MoveTo, Guid? TargetFolderId, int Version) : IRequest<Unit>, IVersionedRequest;

public sealed class OrganiseItemValidator : AbstractValidator<OrganiseItem>
{
    public OrganiseItemValidator()
    {
        RuleFor(r => r.Kind).IsInEnum();
        RuleFor(r => r.Version).GreaterThan(0).WithMessage("La version lue est nécessaire (modification concurrente).");
    }
}

internal sealed class OrganiseItemHandler(MaBoiteDbContext db, SpaceAccess access) : IRequestHandler<OrganiseItem, Unit>
{
    public async Task<Unit> Handle(OrganiseItem request, CancellationToken cancellationToken)
    {
        var space = await access.MineAsync(cancellationToken);
        if (request.MoveTo && request.TargetFolderId is { } target) await Folders.LiveAsync(db, space.Id, target, "targetFolderId", cancellationToken);
        if (request.Kind == ItemKind.Document)
        {
            var document = await db.Documents.SingleOrDefaultAsync(d => d.Id == request.Id && d.SpaceId == space.Id && d.TrashedAt == null, cancellationToken)
                ?? throw new NotFoundException("Ce fichier n'existe pas (ou plus) dans votre espace.");
            db.Entry(document).ExpectVersion(request.Version);
            if (request.Name is not null) document.Name = Names.Clean(request.Name, Document.NameMaxLength, "name");
            if (request.MoveTo) document.FolderId = request.TargetFolderId;
        }
        else
        {
            var folder = await Folders.LiveAsync(db, space.Id, request.Id, "id", cancellationToken, track: true);
            db.Entry(folder).ExpectVersion(request.Version);
            if (request.Name is not null) folder.Name = Names.Clean(request.Name, Folder.NameMaxLength, "name");
            if (request.MoveTo)
            {
                if (request.TargetFolderId is { } destination
                    && (destination == folder.Id || (await Folders.DescendantsAsync(db, space.Id, folder.Id, cancellationToken)).Contains(destination)))
                    throw new RuleViolationException("targetFolderId", "pas-dans-lui-meme", "Un dossier ne peut pas aller dans lui-même ni dans l'un de ses sous-dossiers.");
                folder.ParentId = request.TargetFolderId;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

using FluentValidation;
using MediatR;
using SproHub.Plugins.MaBoite.Data;
using SproHub.Plugins.MaBoite.Spaces;
using SproHub.Shared.Security;

namespace SproHub.Plugins.MaBoite.Files;

[RequiresPermission(MaBoiteModule.SpacePermission)]
public sealed record CreateFolder(Guid? ParentId, string Name) : IRequest<FolderLine>;

public sealed class CreateFolderValidator : AbstractValidator<CreateFolder>
{
    public CreateFolderValidator() => RuleFor(r => r.Name).NotEmpty().WithMessage("Donnez un nom au dossier.");
}

internal sealed class CreateFolderHandler(MaBoiteDbContext db, SpaceAccess access, TimeProvider clock) : IRequestHandler<CreateFolder, FolderLine>
{
    public async Task<FolderLine> Handle(CreateFolder request, CancellationToken cancellationToken)
    {
        var space = await access.MineAsync(cancellationToken);
        if (request.ParentId is { } parent) await Folders.LiveAsync(db, space.Id, parent, "parentId", cancellationToken);
        var folder = new Folder
        {
            Id = Guid.NewGuid(), TerritoryId = space.TerritoryId, SpaceId = space.Id, ParentId = request.ParentId,
            Name = Names.Clean(request.Name, Folder.NameMaxLength, "name"), CreatedAt = clock.GetUtcNow(),
        };
        db.Folders.Add(folder);
        await db.SaveChangesAsync(cancellationToken);
        return new FolderLine(folder.Id, folder.Name, folder.ParentId, folder.Version);
    }
}

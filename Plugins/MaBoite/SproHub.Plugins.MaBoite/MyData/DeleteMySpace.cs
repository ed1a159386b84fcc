using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.MaBoite.Data;
using SproHub.Plugins.MaBoite.Spaces;
using SproHub.Shared.Audit;
using SproHub.Shared.Data;
using SproHub.Shared.Events;
using SproHub.Shared.Files;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.MaBoite.MyData;

/// <summary>
/// The person deletes their account and everything in it: shares, folders, files (their bytes too), the space, then the
/// account itself. Typed confirmation: there is no way back.
/// </summary>
[RequiresPermission(MaBoiteModule.SpacePermission)]
public sealed record DeleteMySpace(string Confirmation) : IRequest<Unit>;

public sealed class DeleteMySpaceValidator : AbstractValidator<DeleteMySpace>
{
    public const string Word = "SUPPRIMER";

    public DeleteMySpaceValidator() =>
        RuleFor(r => r.Confirmation).Must(c => string.Equals(c?.Trim(), Word, StringComparison.OrdinalIgnoreCase))
            .WithMessage($"Tapez {Word} pour confirmer : tout sera effacé, sans retour possible.");
}

internal sealed class DeleteMySpaceHandler(MaBoiteDbContext db, SpaceAccess access, IFileStore store, IAccountRegistry accounts, IAuditLog audit, TimeProvider clock)
    : IRequestHandler<DeleteMySpace, Unit>
{
    public async Task<Unit> Handle(DeleteMySpace request, CancellationToken cancellationToken)
    {
        var space = await access.MineAsync(cancellationToken, track: true);
        var stored = await db.Documents.Where(d => d.SpaceId == space.Id).Select(d => d.StoreId).ToListAsync(cancellationToken);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.Shares.Where(s => s.SpaceId == space.Id).ExecuteDeleteAsync(cancellationToken);
            await db.PublicationViews.Where(v => v.SpaceId == space.Id).ExecuteDeleteAsync(cancellationToken);
            await db.Documents.Where(d => d.SpaceId == space.Id).ExecuteDeleteAsync(cancellationToken);
            await db.Folders.Where(f => f.SpaceId == space.Id).ExecuteDeleteAsync(cancellationToken);
            db.Spaces.Remove(space);
            if (space.UsedBytes > 0)
                db.AddIntegrationEvent(new IndicatorValueRecorded(Guid.NewGuid(), clock.GetUtcNow(), MaBoiteModule.Id, MaBoiteModule.Indicators.StorageUsed,
                    space.TerritoryId, ParisTime.Today(clock), -Files.Storage.Megabytes(space.UsedBytes), $"{space.Id}:suppression-du-compte"));
            audit.Queue(db, new AuditEntry(MaBoiteModule.Id, "espace.supprime", "space", space.Id.ToString(), space.TerritoryId,
                $"à la demande de la personne : {SproHub.Shared.Text.French.Count(stored.Count, "fichier", "fichiers")}, {Spaces.Sizes.Format(space.UsedBytes)}"));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        foreach (var id in stored) await store.DeleteAsync(id, CancellationToken.None);
        await accounts.DeleteAsync(space.OwnerUserId, cancellationToken);
        return Unit.Value;
    }
}

using MediatR;
using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.MaBoite.Data;
using SproHub.Plugins.MaBoite.Spaces;
using SproHub.Shared.Audit;
using SproHub.Shared.Data;
using SproHub.Shared.Errors;
using SproHub.Shared.Events;
using SproHub.Shared.Files;
using SproHub.Shared.Notifications;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.MaBoite.Files;

/// <summary>
/// A file streamed into the person's space. Refused before anything is kept when it would not fit: first on the size
/// the client announces, then while streaming (never beyond what remains), and last by one conditional update of the
/// space's usage, which lets only as many of several simultaneous uploads through as fit.
/// </summary>
/// <param name="DeclaredLength">The length the client announced (Content-Length), when it did.</param>
[RequiresPermission(MaBoiteModule.SpacePermission)]
public sealed record UploadDocument(Stream Content, string FileName, Guid? FolderId, long? DeclaredLength) : IRequest<DocumentLine>;

internal sealed class UploadDocumentHandler(MaBoiteDbContext db, SpaceAccess access, IFileStore store, INotifier notifier, IAuditLog audit, TimeProvider clock)
    : IRequestHandler<UploadDocument, DocumentLine>
{
    public async Task<DocumentLine> Handle(UploadDocument request, CancellationToken cancellationToken)
    {
        var space = await access.MineAsync(cancellationToken);
        if (request.FolderId is { } folderId) await Folders.LiveAsync(db, space.Id, folderId, "folderId", cancellationToken);
        var name = Names.Clean(request.FileName, Document.NameMaxLength, "file");
        if (request.DeclaredLength is { } declared) Space.CheckFits(declared, space.RemainingBytes);

        StoredFile stored;
        try
        {
            stored = await store.SaveAsync(request.Content, name, space.RemainingBytes, FileKinds.Accepted, "file", cancellationToken);
        }
        catch (RuleViolationException refused) when (refused.Rule == "taille-maximale")
        {
            throw new RuleViolationException("file", "quota", $"Ce fichier dépasse la place qui reste dans votre espace ({Sizes.Format(space.RemainingBytes)}) : videz la corbeille ou supprimez des fichiers.");
        }

        try
        {
            return await RecordAsync(space, request.FolderId, name, stored, cancellationToken);
        }
        catch
        {
            await store.DeleteAsync(stored.Id, CancellationToken.None); // nothing kept, nothing counted
            throw;
        }
    }

    private async Task<DocumentLine> RecordAsync(Space space, Guid? folderId, string name, StoredFile stored, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var size = stored.Size;
        var counted = await db.Spaces.Where(s => s.Id == space.Id && s.UsedBytes + size <= s.QuotaBytes)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.UsedBytes, x => x.UsedBytes + size), cancellationToken);
        if (counted == 0)
        {
            var remaining = await db.Spaces.Where(s => s.Id == space.Id).Select(s => s.QuotaBytes - s.UsedBytes).SingleAsync(cancellationToken);
            Space.CheckFits(size, Math.Max(0, remaining));
        }
        var after = await db.Spaces.Where(s => s.Id == space.Id).Select(s => s.UsedBytes).SingleAsync(cancellationToken);

        var now = clock.GetUtcNow();
        var document = new Document
        {
            Id = Guid.NewGuid(), TerritoryId = space.TerritoryId, SpaceId = space.Id, FolderId = folderId, Name = name,
            ContentType = FileKinds.Served(stored.ContentType, name), Size = size, Sha256 = stored.Sha256, StoreId = stored.Id, UploadedAt = now,
        };
        db.Documents.Add(document);
        foreach (var percent in Space.ThresholdsPassed(after - size, after, space.QuotaBytes)) QuotaWarning(space, percent);
        db.AddIntegrationEvent(new IndicatorValueRecorded(Guid.NewGuid(), now, MaBoiteModule.Id, MaBoiteModule.Indicators.StorageUsed, space.TerritoryId,
            ParisTime.Today(clock), Storage.Megabytes(size), $"{document.Id}:ajout"));
        audit.Queue(db, new AuditEntry(MaBoiteModule.Id, "fichier.ajoute", "document", document.Id.ToString(), space.TerritoryId, Sizes.Format(size)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return DocumentLine.Of(document);
    }

    private void QuotaWarning(Space space, int percent) =>
        notifier.Queue(db, new Notification(MaBoiteModule.Id, MaBoiteModule.QuotaKind, space.TerritoryId, [new NotificationRecipient(space.Email, space.DisplayName)],
            $"Votre espace ma boîte SPRO est plein à {percent} %",
            $"Vous utilisez plus de {percent} % de votre espace de {Sizes.Format(space.QuotaBytes)}. Au-delà, les nouveaux fichiers seront refusés.\n\n"
            + "Pour faire de la place, supprimez les fichiers dont vous n'avez plus besoin et videz la corbeille.",
            $"/t/{space.TerritoryId}/ma-boite/fichiers"));
}

/// <summary>Storage as the indicators count it.</summary>
public static class Storage
{
    public static decimal Megabytes(long bytes) => Math.Round(bytes / 1048576m, 3);
}

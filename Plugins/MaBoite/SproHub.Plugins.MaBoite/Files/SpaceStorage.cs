using System.IO.Pipelines;
using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.MaBoite.Data;
using SproHub.Plugins.MaBoite.Spaces;
using SproHub.Shared.Audit;
using SproHub.Shared.Data;
using SproHub.Shared.Errors;
using SproHub.Shared.Events;
using SproHub.Shared.Files;
using SproHub.Shared.Notifications;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.MaBoite.Files;

/// <summary>
/// Bytes coming into a space, from its owner or from an adviser it shares a folder with. Refused before anything is
/// kept when they would not fit: first on the size the client announces, then while streaming (never beyond what
/// remains), and last by one conditional update of the space's usage, which lets only as many of several simultaneous
/// uploads through as fit. A refused or interrupted upload leaves no file and no usage.
/// </summary>
public sealed class SpaceStorage(MaBoiteDbContext db, IFileStore store, INotifier notifier, IAuditLog audit, TimeProvider clock)
{
    /// <param name="replacing">A document whose content the new bytes replace (an adviser's corrected version), or null for a new one.</param>
    public async Task<Document> StoreAsync(Space space, PipeReader content, string fileName, long? declaredLength, Guid? folderId, Document? replacing, string who,
        CancellationToken cancellationToken)
    {
        var name = replacing?.Name ?? Names.Clean(fileName, Document.NameMaxLength, "file");
        var remaining = space.RemainingBytes + (replacing?.Size ?? 0);
        if (declaredLength is { } declared) Space.CheckFits(declared, remaining);

        StoredFile stored;
        try
        {
            stored = await store.SaveAsync(content, name, remaining, FileKinds.Accepted, "file", cancellationToken);
        }
        catch (RuleViolationException refused) when (refused.Rule == "taille-maximale")
        {
            throw new RuleViolationException("file", "quota", $"Ce fichier dépasse la place qui reste dans l'espace ({Sizes.Format(remaining)}) : videz la corbeille ou supprimez des fichiers.");
        }

        var replacedContent = replacing?.StoreId;
        try
        {
            var document = await RecordAsync(space, folderId, name, stored, replacing, who, cancellationToken);
            if (replacedContent is { } old) await store.DeleteAsync(old, CancellationToken.None); // once the new one is committed
            return document;
        }
        catch
        {
            await store.DeleteAsync(stored.Id, CancellationToken.None); // nothing kept, nothing counted
            throw;
        }
    }

    private async Task<Document> RecordAsync(Space space, Guid? folderId, string name, StoredFile stored, Document? replacing, string who, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var delta = stored.Size - (replacing?.Size ?? 0);
        var counted = await db.Spaces.Where(s => s.Id == space.Id && s.UsedBytes + delta <= s.QuotaBytes)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.UsedBytes, x => x.UsedBytes + delta), cancellationToken);
        if (counted == 0)
        {
            var remaining = await db.Spaces.Where(s => s.Id == space.Id).Select(s => s.QuotaBytes - s.UsedBytes).SingleAsync(cancellationToken);
            Space.CheckFits(stored.Size, Math.Max(0, remaining + (replacing?.Size ?? 0)));
        }
        var after = await db.Spaces.Where(s => s.Id == space.Id).Select(s => s.UsedBytes).SingleAsync(cancellationToken);

        var now = clock.GetUtcNow();
        var document = replacing ?? new Document
        {
            Id = Guid.NewGuid(), TerritoryId = space.TerritoryId, SpaceId = space.Id, FolderId = folderId, Name = name,
            ContentType = "", Sha256 = "", StoreId = Guid.Empty,
        };
        (document.ContentType, document.Size, document.Sha256, document.StoreId, document.UploadedAt) =
            (FileKinds.Served(stored.ContentType, name), stored.Size, stored.Sha256, stored.Id, now);
        if (replacing is null) db.Documents.Add(document);
        foreach (var percent in Space.ThresholdsPassed(after - delta, after, space.QuotaBytes)) QuotaWarning(space, percent);
        db.AddIntegrationEvent(new IndicatorValueRecorded(Guid.NewGuid(), now, MaBoiteModule.Id, MaBoiteModule.Indicators.StorageUsed, space.TerritoryId,
            ParisTime.Today(clock), Storage.Megabytes(delta), $"{document.Id}:{stored.Id}"));
        audit.Queue(db, new AuditEntry(MaBoiteModule.Id, replacing is null ? "fichier.ajoute" : "fichier.remplace", "document", document.Id.ToString(), space.TerritoryId,
            $"{Sizes.Format(stored.Size)}, par {who}"));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return document;
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

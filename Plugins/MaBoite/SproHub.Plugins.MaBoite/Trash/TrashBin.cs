using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.MaBoite.Data;
using SproHub.Plugins.MaBoite.Files;
using SproHub.Plugins.MaBoite.Spaces;
using SproHub.Shared.Audit;
using SproHub.Shared.Data;
using SproHub.Shared.Events;
using SproHub.Shared.Files;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.MaBoite.Trash;

/// <summary>
/// Deleting for good: the rows go and the space's usage drops by exactly their sizes in one transaction; the stored
/// bytes are removed once it has committed (a crash in between leaves an unused file on disk, never a wrong usage).
/// </summary>
public sealed class TrashBin(MaBoiteDbContext db, IFileStore store, IAuditLog audit, TimeProvider clock)
{
    /// <returns>How many files were deleted.</returns>
    public async Task<int> DeleteForeverAsync(Guid spaceId, IReadOnlyCollection<Document> documents, IReadOnlyCollection<Folder> folders, string why, CancellationToken cancellationToken)
    {
        if (documents.Count == 0 && folders.Count == 0) return 0;
        var size = documents.Sum(d => d.Size);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.Documents.RemoveRange(documents);
            db.Folders.RemoveRange(folders);
            if (size > 0)
            {
                await db.Spaces.Where(s => s.Id == spaceId).ExecuteUpdateAsync(s => s.SetProperty(x => x.UsedBytes, x => x.UsedBytes - size), cancellationToken);
                var territoryId = documents.First().TerritoryId;
                db.AddIntegrationEvent(new IndicatorValueRecorded(Guid.NewGuid(), clock.GetUtcNow(), MaBoiteModule.Id, MaBoiteModule.Indicators.StorageUsed,
                    territoryId, ParisTime.Today(clock), -Storage.Megabytes(size), $"{spaceId}:{Guid.NewGuid()}:suppression"));
            }
            audit.Queue(db, new AuditEntry(MaBoiteModule.Id, "fichiers.supprimes", "space", spaceId.ToString(), documents.FirstOrDefault()?.TerritoryId ?? folders.First().TerritoryId,
                $"{SproHub.Shared.Text.French.Count(documents.Count, "fichier", "fichiers")}, {SproHub.Shared.Text.French.Count(folders.Count, "dossier", "dossiers")}, {Sizes.Format(size)} : {why}"));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        foreach (var document in documents) await store.DeleteAsync(document.StoreId, CancellationToken.None);
        return documents.Count;
    }

    /// <summary>What has been in this territory's trashes for more than 30 days goes for good.</summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        var limit = clock.GetUtcNow().AddDays(-Names.TrashDays);
        var documents = (await db.Documents.Where(d => d.TrashedAt != null).ToListAsync(cancellationToken)).Where(d => d.TrashedAt < limit).ToList();
        var folders = (await db.Folders.Where(f => f.TrashedAt != null).ToListAsync(cancellationToken)).Where(f => f.TrashedAt < limit).ToList();
        var deleted = 0;
        foreach (var space in documents.Select(d => d.SpaceId).Union(folders.Select(f => f.SpaceId)).ToList())
            deleted += await DeleteForeverAsync(space, documents.Where(d => d.SpaceId == space).ToList(), folders.Where(f => f.SpaceId == space).ToList(),
                $"plus de {Names.TrashDays} jours dans la corbeille", cancellationToken);
        return deleted;
    }
}

using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.Comete.Data;
using SproHub.Shared.Territories;
using SproHub.Shared.Audit;
using SproHub.Shared.Data;
using SproHub.Shared.Errors;
using SproHub.Shared.Security;

namespace SproHub.Plugins.Comete.Shows;

/// <summary>
/// What every change to a show does the same way: load it in the current territory, refuse a stale version,
/// then save it with a history line and an audit record.
/// </summary>
internal sealed class ShowEditor(CometeDbContext db, ICurrentUser user, IAuditLog audit, TimeProvider clock, IOutputCacheStore cache)
{
    public CometeDbContext Db => db;
    public DateOnly Today => ParisTime.Today(clock);

    /// <summary>Callers are requests marked <c>[RequiresPermission(comete.manage)]</c>: the host has checked it.</summary>
    public async Task<Show> LoadAsync(Guid showId, int? expectedVersion, CancellationToken cancellationToken)
    {
        var show = await db.Shows.Include(s => s.Guests).Include(s => s.RunningOrder).Include(s => s.History).Include(s => s.Replay)
            .AsSplitQuery().FirstOrDefaultAsync(s => s.Id == showId, cancellationToken)
            ?? throw new NotFoundException("Émission introuvable dans ce territoire.");
        if (expectedVersion is { } version) db.Entry(show).ExpectVersion(version);
        return show;
    }

    public async Task<ShowView> SaveAsync(Show show, string action, string what, CancellationToken cancellationToken)
    {
        show.Record(what, user.DisplayName, clock.GetUtcNow());
        Audit(action, "show", show.Id, show.TerritoryId, what);
        await db.SaveChangesAsync(cancellationToken);
        if (db.Database.CurrentTransaction is { } transaction) await transaction.CommitAsync(cancellationToken);
        await ProgrammeChangedAsync(cancellationToken);
        return ShowView.From(show, Today);
    }

    /// <summary>Before SaveChanges: the audit entry is saved with the change (through the outbox).</summary>
    public void Audit(string action, string entityType, Guid id, string territoryId, string details) =>
        audit.Queue(db, new AuditEntry(CometeModule.Id, action, entityType, id.ToString(), territoryId, details));

    /// <summary>After a committed write: the cached public programme is stale.</summary>
    public Task ProgrammeChangedAsync(CancellationToken cancellationToken) =>
        cache.EvictByTagAsync(CometeModule.ProgrammeCache, cancellationToken).AsTask();
}

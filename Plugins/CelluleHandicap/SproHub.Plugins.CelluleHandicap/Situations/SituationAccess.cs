using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.CelluleHandicap.Data;
using SproHub.Plugins.CelluleHandicap.Partners;
using SproHub.Plugins.CelluleHandicap.Privacy;
using SproHub.Shared.Audit;
using SproHub.Shared.Errors;
using SproHub.Shared.Security;

namespace SproHub.Plugins.CelluleHandicap.Situations;

/// <summary>
/// Who reads a young person's situation: its prescriber, and the representatives of the partners attending a session
/// whose agenda carries it, from that agenda's publication on. Nobody else — not the coordinator, not the Région —
/// whatever their role. Every read is written to the core's audit log and to the file's own list of readers.
/// </summary>
internal sealed class SituationAccess(CelluleHandicapDbContext db, CellMembership membership, ICurrentUser user, IAuditLog audit, TimeProvider clock)
{
    public bool IsPrescriber(Situation situation) => MyEmail is { } me && situation.PrescriberEmail == me;

    /// <summary>People are known to the cell by their account's e-mail, as its partners' representatives are.</summary>
    private string? MyEmail => user.Email?.Trim().ToLowerInvariant();

    /// <summary>The partners the caller represents that attend a published session of this situation's agenda.</summary>
    public async Task<IReadOnlyList<Partner>> AttendingPartnersAsync(Guid situationId, CancellationToken cancellationToken)
    {
        var mine = await membership.MyPartnersAsync(cancellationToken);
        if (mine.Count == 0) return [];
        var sessions = await (from item in db.AgendaItems
                              join session in db.Sessions.Include(s => s.Absences) on item.SessionId equals session.Id
                              where item.SituationId == situationId && session.AgendaPublishedAt != null
                              select session).AsNoTracking().ToListAsync(cancellationToken);
        return mine.Where(p => sessions.Any(s => s.Attends(p.Id))).ToList();
    }

    public async Task<bool> MayReadAsync(Situation situation, CancellationToken cancellationToken) =>
        IsPrescriber(situation) || (await AttendingPartnersAsync(situation.Id, cancellationToken)).Count > 0;

    /// <summary>The situation if the caller may read it: 404 when it is not in this territory, 403 when it is not theirs to read.</summary>
    public async Task<Situation> ReadableAsync(Guid id, CancellationToken cancellationToken, bool track = false)
    {
        var query = track ? db.Situations : db.Situations.AsNoTracking();
        var situation = await query.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw new NotFoundException("Situation introuvable.");
        if (!await MayReadAsync(situation, cancellationToken))
            throw new ForbiddenException("Seuls le prescripteur et les partenaires présents à une séance dont l'ordre du jour est envoyé lisent cette situation.");
        return situation;
    }

    /// <summary>Ids of the situations the caller may read, for lists.</summary>
    public async Task<IReadOnlyList<Guid>> ReadableIdsAsync(CancellationToken cancellationToken)
    {
        var own = MyEmail is not { } me ? [] : await db.Situations.Where(s => s.PrescriberEmail == me).Select(s => s.Id).ToListAsync(cancellationToken);
        var mine = (await membership.MyPartnersAsync(cancellationToken)).Select(p => p.Id).ToList();
        if (mine.Count == 0) return own;
        var published = await (from item in db.AgendaItems
                               join session in db.Sessions.Include(s => s.Absences) on item.SessionId equals session.Id
                               where session.AgendaPublishedAt != null
                               select new { item.SituationId, session }).AsNoTracking().ToListAsync(cancellationToken);
        return own.Concat(published.Where(x => mine.Any(x.session.Attends)).Select(x => x.SituationId)).Distinct().ToList();
    }

    /// <summary>Writes the read in the audit log and on the file; saved at once, whatever the caller does next.</summary>
    public async Task RecordReadsAsync(IReadOnlyCollection<Situation> situations, string what, CancellationToken cancellationToken)
    {
        if (situations.Count == 0) return;
        foreach (var situation in situations)
        {
            await audit.RecordAsync(new AuditEntry(CelluleHandicapModule.Id, "situation.lue", "situation", situation.Id.ToString(), situation.TerritoryId,
                $"{situation.Reference} ({what})"), cancellationToken);
            db.Reads.Add(new SituationRead { SituationId = situation.Id, ReaderUserId = user.UserId ?? "", ReaderName = user.DisplayName ?? user.Email ?? "?", ReadAt = clock.GetUtcNow(), What = what });
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}

using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.CelluleHandicap.Data;
using SproHub.Plugins.CelluleHandicap.Partners;

namespace SproHub.Plugins.CelluleHandicap.Sessions;

/// <summary>A session as anyone of the territory's network sees it: when, where, who holds the secretariat, how many items — never who.</summary>
public sealed record SessionView(Guid Id, SessionKind Kind, string KindLabel, DateOnly Date, HalfDay HalfDay, string HalfDayLabel, Guid VenuePartnerId, string Venue,
    Guid SecretariatPartnerId, string Secretariat, DateOnly AgendaDeadline, DateTimeOffset? AgendaPublishedAt, int SituationsToExamine, int FollowUpsDue,
    IReadOnlyList<string> AbsentPartners, int Version);

internal static class SessionViews
{
    public static async Task<IReadOnlyList<SessionView>> ListAsync(CelluleHandicapDbContext db, IReadOnlyCollection<Guid>? ids, CancellationToken cancellationToken)
    {
        var query = db.Sessions.AsNoTracking().Include(s => s.Absences).AsQueryable();
        if (ids is not null) query = query.Where(s => ids.Contains(s.Id));
        var sessions = await query.OrderBy(s => s.Date).ThenBy(s => s.HalfDay).ToListAsync(cancellationToken);
        var sessionIds = sessions.Select(s => s.Id).ToList();
        var counts = await db.AgendaItems.Where(i => sessionIds.Contains(i.SessionId)).GroupBy(i => new { i.SessionId, i.Kind })
            .Select(g => new { g.Key.SessionId, g.Key.Kind, Count = g.Count() }).ToListAsync(cancellationToken);
        var names = await db.Partners.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        int Count(Guid id, AgendaItemKind kind) => counts.FirstOrDefault(c => c.SessionId == id && c.Kind == kind)?.Count ?? 0;
        return sessions.Select(s => new SessionView(s.Id, s.Kind, Session.KindLabel(s.Kind), s.Date, s.HalfDay, Session.HalfDayLabel(s.HalfDay), s.VenuePartnerId,
            names.GetValueOrDefault(s.VenuePartnerId, "?"), s.SecretariatPartnerId, names.GetValueOrDefault(s.SecretariatPartnerId, "?"), s.AgendaDeadline, s.AgendaPublishedAt,
            Count(s.Id, AgendaItemKind.Examen), Count(s.Id, AgendaItemKind.PointDeSituation),
            s.Absences.Select(a => names.GetValueOrDefault(a.PartnerId, "?")).Order().ToList(), s.Version)).ToList();
    }
}

using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.CelluleHandicap.Data;
using SproHub.Plugins.CelluleHandicap.Partners;
using SproHub.Shared.Audit;
using SproHub.Shared.Notifications;
using SproHub.Shared.Territories;
using SproHub.Shared.Text;

namespace SproHub.Plugins.CelluleHandicap.Sessions;

/// <summary>
/// Sends a session's agenda to every partner's representatives, by the secretariat or, when the deadline two weeks
/// before has come, by the platform itself. The e-mail names no young person: it links to the session's page.
/// Changes are added to the context, saved by the caller.
/// </summary>
internal sealed class AgendaSender(CelluleHandicapDbContext db, INotifier notifier, IAuditLog audit, ITerritoryContext territory, TimeProvider clock)
{
    public async Task SendAsync(Session session, bool byDeadline, CancellationToken cancellationToken)
    {
        session.Publish(clock.GetUtcNow(), ParisTime.Today(clock));
        var counts = await db.AgendaItems.Where(i => i.SessionId == session.Id).GroupBy(i => i.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var (toExamine, followUps) = (counts.FirstOrDefault(c => c.Key == AgendaItemKind.Examen)?.Count ?? 0, counts.FirstOrDefault(c => c.Key == AgendaItemKind.PointDeSituation)?.Count ?? 0);
        var who = byDeadline ? "La date limite est atteinte : la plateforme envoie, pour le secrétariat de la cellule," : "Le secrétariat de la cellule envoie";
        await NotifyPartnersAsync(session, $"Ordre du jour : {Describe(session)}",
            $"{who} l'ordre du jour de la {Describe(session)} : {SproHub.Shared.Text.French.Count(toExamine, "situation", "situations")} à examiner et {SproHub.Shared.Text.French.Count(followUps, "point", "points")} de situation.\n\n"
            + "Chaque partenaire présent consulte les situations dans la plateforme avant la séance et y ajoute ce qu'il sait. Par confidentialité, ce message ne nomme personne.\n\n"
            + "Si votre structure ne peut pas être représentée, indiquez-le sur la page de la séance : elle ne recevra pas les situations.", cancellationToken);
        audit.Queue(db, new AuditEntry(CelluleHandicapModule.Id, byDeadline ? "ordre-du-jour.envoye-a-la-date-limite" : "ordre-du-jour.envoye", "seance", session.Id.ToString(),
            session.TerritoryId, $"{SproHub.Shared.Text.French.Count(toExamine, "situation", "situations")}, {SproHub.Shared.Text.French.Count(followUps, "point", "points")}"));
    }

    /// <summary>The agendas whose deadline has come and that nobody sent: sent now. Returns how many.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var today = ParisTime.Today(clock);
        var latestDeadline = today.AddDays(Session.AgendaLeadDays);
        var due = await db.Sessions.Where(s => s.AgendaPublishedAt == null && s.Date >= today && s.Date <= latestDeadline).ToListAsync(cancellationToken);
        foreach (var session in due) await SendAsync(session, byDeadline: true, cancellationToken);
        if (due.Count > 0) await db.SaveChangesAsync(cancellationToken);
        return due.Count;
    }

    public async Task NotifyPartnersAsync(Session session, string subject, string body, CancellationToken cancellationToken)
    {
        var recipients = await CellRecipients.OfAsync(db, null, cancellationToken);
        if (recipients.Count == 0) return;
        notifier.Queue(db, new Notification(CelluleHandicapModule.Id, CelluleHandicapModule.AgendaKind, territory.Current!.Slug, recipients, subject, body,
            $"/t/{territory.Current!.Slug}/cellule/seances/{session.Id}"));
    }

    public static string Describe(Session session) =>
        $"{Session.KindLabel(session.Kind).ToLowerInvariant()} du {session.Date.ToFrench("dddd d MMMM yyyy")} ({Session.HalfDayLabel(session.HalfDay)})";
}

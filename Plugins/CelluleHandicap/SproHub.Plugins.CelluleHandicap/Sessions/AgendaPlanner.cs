using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.CelluleHandicap.Data;
using SproHub.Plugins.CelluleHandicap.Situations;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.CelluleHandicap.Sessions;

/// <summary>
/// Puts situations on agendas: a submitted situation on the next concertation whose agenda has not left (two weeks
/// before), a follow-up on the concertation after the examination. Changes are added to the context, saved by the caller.
/// </summary>
internal sealed class AgendaPlanner(CelluleHandicapDbContext db, TimeProvider clock)
{
    private DateOnly Today => ParisTime.Today(clock);

    /// <summary>The concertation a situation submitted on that day goes to, if one is scheduled.</summary>
    public Task<Session?> NextOpenConcertationAsync(DateOnly submittedOn, CancellationToken cancellationToken)
    {
        var earliest = submittedOn.AddDays(Session.AgendaLeadDays);
        return db.Sessions.Where(s => s.Kind == SessionKind.Concertation && s.AgendaPublishedAt == null && s.Date >= earliest)
            .OrderBy(s => s.Date).ThenBy(s => s.HalfDay).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<Session?> PlaceAsync(Situation situation, CancellationToken cancellationToken)
    {
        var session = await NextOpenConcertationAsync(situation.SubmittedOn, cancellationToken);
        if (session is not null) db.AgendaItems.Add(new AgendaItem { SessionId = session.Id, SituationId = situation.Id, Kind = AgendaItemKind.Examen });
        return session;
    }

    /// <summary>A new concertation takes the situations waiting for one (submitted before its agenda's deadline) and the follow-ups due.</summary>
    public async Task FillAsync(Session session, CancellationToken cancellationToken)
    {
        if (session.Kind != SessionKind.Concertation) return;
        var open = await db.Situations.Where(s => s.State == SituationState.Deposee || s.State == SituationState.Examinee).ToListAsync(cancellationToken);
        if (open.Count == 0) return;
        var ids = open.Select(s => s.Id).ToList();
        var today = Today;
        var planned = await (from item in db.AgendaItems
                             join s in db.Sessions on item.SessionId equals s.Id
                             where ids.Contains(item.SituationId) && s.Date >= today
                             select new { item.SituationId, item.Kind }).ToListAsync(cancellationToken);
        var followedUp = await db.FollowUps.Where(f => ids.Contains(f.SituationId)).Select(f => f.SituationId).ToListAsync(cancellationToken);
        foreach (var situation in open.Where(s => s.HasValidConsent))
        {
            var kind = situation.State == SituationState.Deposee ? AgendaItemKind.Examen : AgendaItemKind.PointDeSituation;
            if (planned.Any(p => p.SituationId == situation.Id && p.Kind == kind)) continue;
            if (kind == AgendaItemKind.Examen && situation.SubmittedOn > session.AgendaDeadline) continue;
            if (kind == AgendaItemKind.PointDeSituation && followedUp.Contains(situation.Id)) continue;
            db.AgendaItems.Add(new AgendaItem { SessionId = session.Id, SituationId = situation.Id, Kind = kind });
        }
    }

    /// <summary>After an examination, its follow-up is due at the next concertation (or the one scheduled later).</summary>
    public async Task PlanFollowUpAsync(Situation situation, Session examinedAt, CancellationToken cancellationToken)
    {
        var next = await db.Sessions.Where(s => s.Kind == SessionKind.Concertation && s.Date > examinedAt.Date)
            .OrderBy(s => s.Date).ThenBy(s => s.HalfDay).FirstOrDefaultAsync(cancellationToken);
        if (next is null || await db.AgendaItems.AnyAsync(i => i.SessionId == next.Id && i.SituationId == situation.Id && i.Kind == AgendaItemKind.PointDeSituation, cancellationToken)) return;
        db.AgendaItems.Add(new AgendaItem { SessionId = next.Id, SituationId = situation.Id, Kind = AgendaItemKind.PointDeSituation });
    }

    /// <summary>Takes a situation off the agendas of the sessions still to come (withdrawal, closure); returns the sessions it left.</summary>
    public async Task<IReadOnlyList<Session>> RemoveFromComingAgendasAsync(Guid situationId, CancellationToken cancellationToken)
    {
        var today = Today;
        var coming = await (from item in db.AgendaItems
                            join s in db.Sessions on item.SessionId equals s.Id
                            where item.SituationId == situationId && s.Date >= today
                            select new { item, s }).ToListAsync(cancellationToken);
        db.AgendaItems.RemoveRange(coming.Select(c => c.item));
        return coming.Select(c => c.s).DistinctBy(s => s.Id).ToList();
    }
}

using MediatR;
using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.CelluleHandicap.Data;
using SproHub.Plugins.CelluleHandicap.Partners;
using SproHub.Plugins.CelluleHandicap.Situations;
using SproHub.Shared.Audit;
using SproHub.Shared.Data;
using SproHub.Shared.Errors;
using SproHub.Shared.Notifications;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.CelluleHandicap.Sessions;

/// <summary>Sends the agenda to every partner's representatives: the e-mail names no young person, it links to the platform.</summary>
[RequiresPermission(CelluleHandicapModule.TakePartPermission)]
public sealed record PublishAgenda(Guid SessionId) : IRequest<SessionView>;

/// <summary>The secretariat puts on this session a situation that would otherwise wait for the next one.</summary>
[RequiresPermission(CelluleHandicapModule.TakePartPermission)]
public sealed record AcceptOnAgenda(Guid SessionId, Guid SituationId) : IRequest<SessionView>;

/// <summary>A partner's representative says whether the partner attends: an absent partner does not read the session's situations.</summary>
[RequiresPermission(CelluleHandicapModule.TakePartPermission)]
public sealed record SetAttendance(Guid SessionId, Guid PartnerId, bool Attends) : IRequest<SessionView>;

internal sealed class AgendaHandlers(CelluleHandicapDbContext db, CellMembership membership, AgendaSender sender, IAuditLog audit, TimeProvider clock)
    : IRequestHandler<PublishAgenda, SessionView>, IRequestHandler<AcceptOnAgenda, SessionView>, IRequestHandler<SetAttendance, SessionView>
{
    private DateOnly Today => ParisTime.Today(clock);

    public async Task<SessionView> Handle(PublishAgenda request, CancellationToken cancellationToken)
    {
        var session = await AsSecretariatAsync(request.SessionId, cancellationToken);
        await sender.SendAsync(session, byDeadline: false, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return (await SessionViews.ListAsync(db, [session.Id], cancellationToken)).Single();
    }

    public async Task<SessionView> Handle(AcceptOnAgenda request, CancellationToken cancellationToken)
    {
        var session = await AsSecretariatAsync(request.SessionId, cancellationToken);
        if (session.Kind != SessionKind.Concertation) throw new ConflictException("Le comité de pilotage n'examine pas de situation.", "concertation-seulement");
        if (Today > session.Date) throw new ConflictException("La séance a eu lieu.", "seance-passee");
        var situation = await db.Situations.FirstOrDefaultAsync(s => s.Id == request.SituationId, cancellationToken) ?? throw new NotFoundException("Situation introuvable.");
        if (!situation.HasValidConsent) throw new RuleViolationException("situationId", "consentement-valide", "Sans consentement valide, une situation ne peut être inscrite à un ordre du jour.");
        if (situation.State != SituationState.Deposee) throw new ConflictException("Cette situation a déjà été examinée ou est close.", "situation-deposee");
        var others = await (from item in db.AgendaItems
                            join s in db.Sessions on item.SessionId equals s.Id
                            where item.SituationId == situation.Id && item.Kind == AgendaItemKind.Examen && s.Date >= session.Date
                            select item).ToListAsync(cancellationToken);
        if (others.Any(i => i.SessionId == session.Id)) throw new ConflictException("Cette situation est déjà à l'ordre du jour de la séance.", "deja-inscrite");
        db.AgendaItems.RemoveRange(others);
        db.AgendaItems.Add(new AgendaItem { SessionId = session.Id, SituationId = situation.Id, Kind = AgendaItemKind.Examen, AcceptedLate = true });
        if (session.IsPublished)
            await sender.NotifyPartnersAsync(session, $"Ordre du jour complété : {AgendaSender.Describe(session)}",
                $"Le secrétariat ajoute la situation {situation.Reference} à l'ordre du jour de la {AgendaSender.Describe(session)}. Consultez-la dans la plateforme.", cancellationToken);
        audit.Queue(db, new AuditEntry(CelluleHandicapModule.Id, "ordre-du-jour.situation-acceptee", "seance", session.Id.ToString(), session.TerritoryId, situation.Reference));
        await db.SaveOrConflictAsync("Cette situation vient d'être inscrite à l'ordre du jour de la séance.", "deja-inscrite", cancellationToken);
        return (await SessionViews.ListAsync(db, [session.Id], cancellationToken)).Single();
    }

    public async Task<SessionView> Handle(SetAttendance request, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.Include(s => s.Absences).FirstOrDefaultAsync(s => s.Id == request.SessionId, cancellationToken) ?? throw new NotFoundException("Séance introuvable.");
        if (!await membership.RepresentsAsync(request.PartnerId, cancellationToken))
            throw new ForbiddenException("Seul un représentant du partenaire indique s'il sera présent.");
        if (request.Attends) session.DeclarePresent(request.PartnerId, Today); else session.DeclareAbsent(request.PartnerId, Today);
        audit.Queue(db, new AuditEntry(CelluleHandicapModule.Id, request.Attends ? "seance.present" : "seance.absent", "seance", session.Id.ToString(), session.TerritoryId, request.PartnerId.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        return (await SessionViews.ListAsync(db, [session.Id], cancellationToken)).Single();
    }

    private async Task<Session> AsSecretariatAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken) ?? throw new NotFoundException("Séance introuvable.");
        if (!await membership.RepresentsAsync(session.SecretariatPartnerId, cancellationToken))
            throw new ForbiddenException("Seul le secrétariat de la séance compose et envoie son ordre du jour.");
        return session;
    }

}

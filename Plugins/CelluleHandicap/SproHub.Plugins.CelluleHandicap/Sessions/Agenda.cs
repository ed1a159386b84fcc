using MediatR;
using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.CelluleHandicap.Data;
using SproHub.Plugins.CelluleHandicap.Partners;
using SproHub.Plugins.CelluleHandicap.Privacy;
using SproHub.Plugins.CelluleHandicap.Situations;
using SproHub.Shared.Errors;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.CelluleHandicap.Sessions;

[RequiresPermission(CelluleHandicapModule.ReadPermission)]
public sealed record ListSessions(int? Year) : IRequest<IReadOnlyList<SessionView>>;

internal sealed class ListSessionsHandler(CelluleHandicapDbContext db) : IRequestHandler<ListSessions, IReadOnlyList<SessionView>>
{
    public async Task<IReadOnlyList<SessionView>> Handle(ListSessions request, CancellationToken cancellationToken)
    {
        var all = await SessionViews.ListAsync(db, null, cancellationToken);
        return request.Year is { } year ? all.Where(s => s.Date.Year == year).ToList() : all;
    }
}

/// <param name="Name">The young person's name: only for who may read the situation (and the read is audited).</param>
public sealed record AgendaLine(Guid SituationId, string Reference, AgendaItemKind Kind, string AgeBracket, DateOnly SubmittedOn, bool AcceptedLate,
    string? Name, bool Examined, bool FollowUpGiven);

/// <param name="Lines">Null for who sees only counts (the coordinator, the Région, a partner not attending or before publication).</param>
/// <param name="LateCandidates">For the secretariat: situations waiting for a later session that it may accept on this one.</param>
public sealed record AgendaView(SessionView Session, bool IsSecretariat, bool CanPublish, IReadOnlyList<AgendaLine>? Lines,
    IReadOnlyList<AgendaLine> LateCandidates, IReadOnlyList<AgendaLine> MissingFollowUps, IReadOnlyList<PartnerAttendance> MyAttendance);

public sealed record PartnerAttendance(Guid PartnerId, string Partner, bool Attends);

[RequiresPermission(CelluleHandicapModule.ReadPermission)]
public sealed record GetAgenda(Guid SessionId) : IRequest<AgendaView>;

/// <summary>
/// A session's agenda. The secretariat composes it from pseudonyms; from its publication, the partners attending read
/// the names (each read audited); the others see how many situations it holds.
/// </summary>
internal sealed class GetAgendaHandler(CelluleHandicapDbContext db, CellMembership membership, SituationAccess access, SensitiveData sealer, TimeProvider clock)
    : IRequestHandler<GetAgenda, AgendaView>
{
    public async Task<AgendaView> Handle(GetAgenda request, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.AsNoTracking().Include(s => s.Absences).FirstOrDefaultAsync(s => s.Id == request.SessionId, cancellationToken)
            ?? throw new NotFoundException("Séance introuvable.");
        var view = (await SessionViews.ListAsync(db, [session.Id], cancellationToken)).Single();
        var mine = await membership.MyPartnersAsync(cancellationToken);
        var isSecretariat = mine.Any(p => p.Id == session.SecretariatPartnerId);
        var attending = session.IsPublished && mine.Any(p => session.Attends(p.Id));
        var attendance = mine.Select(p => new PartnerAttendance(p.Id, p.Name, session.Attends(p.Id))).ToList();
        var today = ParisTime.Today(clock);

        var items = await (from item in db.AgendaItems
                           join situation in db.Situations on item.SituationId equals situation.Id
                           where item.SessionId == session.Id
                           select new { item, situation }).AsNoTracking().ToListAsync(cancellationToken);
        var own = items.Where(x => access.IsPrescriber(x.situation)).ToList();
        if (!isSecretariat && !attending && own.Count == 0)
            return new AgendaView(view, false, false, null, [], [], attendance);

        var ids = items.Select(x => x.situation.Id).ToList();
        var examined = await db.Examinations.Where(e => e.SessionId == session.Id && ids.Contains(e.SituationId)).Select(e => e.SituationId).ToListAsync(cancellationToken);
        var followed = await db.FollowUps.Where(f => f.SessionId == session.Id && ids.Contains(f.SituationId)).Select(f => f.SituationId).ToListAsync(cancellationToken);
        var visible = (isSecretariat || attending ? items : own).ToList();
        var named = visible.Where(x => (attending || access.IsPrescriber(x.situation)) && !x.situation.IsErased).Select(x => x.situation).DistinctBy(s => s.Id).ToList();
        await access.RecordReadsAsync(named, "ordre du jour", cancellationToken);
        var lines = visible.Select(x => Line(x.situation, x.item.Kind, x.item.AcceptedLate, named.Contains(x.situation), examined.Contains(x.situation.Id), followed.Contains(x.situation.Id)))
            .OrderBy(l => l.Kind).ThenBy(l => l.Reference).ToList();

        var late = new List<AgendaLine>();
        if (isSecretariat && session.Kind == SessionKind.Concertation && today <= session.Date)
        {
            var onThisOne = items.Select(x => x.situation.Id).ToHashSet();
            var waiting = await db.Situations.AsNoTracking().Where(s => s.State == SituationState.Deposee && s.ConsentWithdrawnOn == null).ToListAsync(cancellationToken);
            late = waiting.Where(s => !onThisOne.Contains(s.Id) && s.HasValidConsent).Select(s => Line(s, AgendaItemKind.Examen, true, false, false, false)).OrderBy(l => l.Reference).ToList();
        }
        var missing = today >= session.Date && (isSecretariat || attending)
            ? lines.Where(l => l.Kind == AgendaItemKind.PointDeSituation && !l.FollowUpGiven).ToList() : [];
        return new AgendaView(view, isSecretariat, isSecretariat && !session.IsPublished && today <= session.Date, lines, late, missing, attendance);

        AgendaLine Line(Situation s, AgendaItemKind kind, bool acceptedLate, bool withName, bool wasExamined, bool followUp)
        {
            var identity = withName ? sealer.Open<Identity>(s.SealedIdentity, s.Id) : null;
            return new AgendaLine(s.Id, s.Reference, kind, Situation.AgeBracket(s.AgeAtConsent), s.SubmittedOn, acceptedLate,
                identity is null ? null : $"{identity.FirstName} {identity.LastName}", wasExamined, followUp);
        }
    }
}

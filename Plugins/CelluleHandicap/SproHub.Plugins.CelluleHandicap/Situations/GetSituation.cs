using MediatR;
using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.CelluleHandicap.Concertation;
using SproHub.Plugins.CelluleHandicap.Data;
using SproHub.Plugins.CelluleHandicap.Partners;
using SproHub.Plugins.CelluleHandicap.Privacy;
using SproHub.Plugins.CelluleHandicap.Sessions;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.CelluleHandicap.Situations;

public sealed record AgendaEntryView(Guid SessionId, DateOnly Date, string Label, AgendaItemKind Kind, bool Published, bool Held);
public sealed record InputView(string Partner, string Author, DateTimeOffset WrittenAt, string? Text, DateOnly SessionDate);
public sealed record NextStepView(string Partner, string? Action);
public sealed record ExaminationView(DateOnly ExaminedOn, string RecordedBy, ExaminationNotes? Notes, IReadOnlyList<NextStepView> NextSteps);
public sealed record FollowUpView(DateOnly RecordedOn, bool OnTime, string RecordedBy, string? Text);
public sealed record ReadView(string Reader, DateTimeOffset ReadAt, string What);

/// <param name="Identity">Null once erased (consent withdrawn, retention over).</param>
/// <param name="InputAs">The caller's partners attending a coming session of this situation: who may add what they know.</param>
public sealed record SituationView(Guid Id, string Reference, SituationState State, string StateLabel, Identity? Identity, DiagnosticSheet? Sheet,
    Recognition Recognition, string RecognitionLabel, int AgeAtConsent, bool MinorAtConsent, DateOnly ConsentDate, ConsentPurposes ConsentPurposes,
    DateOnly? ConsentWithdrawnOn, string PrescriberName, string? PrescriberOrganisation, DateOnly SubmittedOn, DateOnly? FirstExaminedOn,
    Outcome? Outcome, DateOnly? ClosedOn, string? ErasureReason, bool IsPrescriber, IReadOnlyList<AgendaEntryView> Agenda, IReadOnlyList<InputView> Inputs,
    IReadOnlyList<ExaminationView> Examinations, IReadOnlyList<FollowUpView> FollowUps, IReadOnlyList<ReadView> Reads,
    IReadOnlyList<PartnerAttendance> InputAs, int Version);

/// <summary>A young person's file: only for its prescriber and the partners attending one of its published sessions; this read is audited.</summary>
[RequiresPermission(CelluleHandicapModule.TakePartPermission)]
public sealed record GetSituation(Guid Id) : IRequest<SituationView>;

internal sealed class GetSituationHandler(CelluleHandicapDbContext db, SituationAccess access, SensitiveData sealer, TimeProvider clock)
    : IRequestHandler<GetSituation, SituationView>
{
    public async Task<SituationView> Handle(GetSituation request, CancellationToken cancellationToken)
    {
        var s = await access.ReadableAsync(request.Id, cancellationToken);
        await access.RecordReadsAsync([s], "fiche", cancellationToken);
        var today = ParisTime.Today(clock);
        var partners = await db.Partners.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var agenda = await (from item in db.AgendaItems
                            join session in db.Sessions on item.SessionId equals session.Id
                            where item.SituationId == s.Id
                            orderby session.Date
                            select new { item.Kind, session }).AsNoTracking().ToListAsync(cancellationToken);
        var sessionDates = agenda.ToDictionary(a => a.session.Id, a => a.session.Date);
        // SQLite does not order DateTimeOffset: these lists are short, ordered here.
        var inputs = (await db.PartnerInputs.AsNoTracking().Where(i => i.SituationId == s.Id).ToListAsync(cancellationToken)).OrderBy(i => i.WrittenAt).ToList();
        var examinations = await db.Examinations.AsNoTracking().Include(e => e.NextSteps).Where(e => e.SituationId == s.Id).OrderBy(e => e.ExaminedOn).ToListAsync(cancellationToken);
        var followUps = await db.FollowUps.AsNoTracking().Where(f => f.SituationId == s.Id).OrderBy(f => f.RecordedOn).ToListAsync(cancellationToken);
        var reads = (await db.Reads.AsNoTracking().Where(r => r.SituationId == s.Id).ToListAsync(cancellationToken)).OrderByDescending(r => r.ReadAt).Take(200).ToList();
        var attending = await access.AttendingPartnersAsync(s.Id, cancellationToken);
        var coming = agenda.Where(a => a.session.Date >= today && a.session.IsPublished).ToList();
        var inputAs = s.IsOpen ? attending.Where(p => coming.Any(a => a.session.Attends(p.Id))).Select(p => new PartnerAttendance(p.Id, p.Name, true)).ToList() : [];

        return new SituationView(s.Id, s.Reference, s.State, Situation.StateLabel(s.State), sealer.Open<Identity>(s.SealedIdentity, s.Id), sealer.Open<DiagnosticSheet>(s.SealedSheet, s.Id),
            s.Recognition, Situation.RecognitionLabel(s.Recognition), s.AgeAtConsent, s.IsMinorAtConsent, s.ConsentDate, s.ConsentPurposes, s.ConsentWithdrawnOn,
            s.PrescriberName, s.PrescriberOrganisation, s.SubmittedOn, s.FirstExaminedOn, s.Outcome, s.ClosedOn, s.ErasureReason, access.IsPrescriber(s),
            agenda.Select(a => new AgendaEntryView(a.session.Id, a.session.Date, AgendaSender.Describe(a.session), a.Kind, a.session.IsPublished, a.session.Date < today)).ToList(),
            inputs.Select(i => new InputView(partners.GetValueOrDefault(i.PartnerId, "?"), i.AuthorName, i.WrittenAt, sealer.Open<TextBox>(i.SealedText, s.Id)?.Text,
                sessionDates.GetValueOrDefault(i.SessionId))).ToList(),
            examinations.Select(e => new ExaminationView(e.ExaminedOn, e.RecordedBy, sealer.Open<ExaminationNotes>(e.SealedNotes, s.Id),
                e.NextSteps.Select(n => new NextStepView(partners.GetValueOrDefault(n.PartnerId, "?"), sealer.Open<TextBox>(n.SealedAction, s.Id)?.Text)).ToList())).ToList(),
            followUps.Select(f => new FollowUpView(f.RecordedOn, f.OnTime, f.RecordedBy, sealer.Open<TextBox>(f.SealedText, s.Id)?.Text)).ToList(),
            reads.Select(r => new ReadView(r.ReaderName, r.ReadAt, r.What)).ToList(), inputAs, s.Version);
    }
}

/// <summary>A free text sealed on its own (a partner's input, a next step, a follow-up).</summary>
public sealed record TextBox(string Text);

public sealed record SituationLine(Guid Id, string Reference, string? Name, SituationState State, string StateLabel, DateOnly SubmittedOn, bool IsMine);

/// <summary>The situations the caller may read: their own as prescriber, and those of the published agendas of sessions their partner attends.</summary>
[RequiresPermission(CelluleHandicapModule.ReadPermission)]
public sealed record ListMySituations : IRequest<IReadOnlyList<SituationLine>>;

internal sealed class ListMySituationsHandler(CelluleHandicapDbContext db, SituationAccess access, SensitiveData sealer) : IRequestHandler<ListMySituations, IReadOnlyList<SituationLine>>
{
    public async Task<IReadOnlyList<SituationLine>> Handle(ListMySituations request, CancellationToken cancellationToken)
    {
        var ids = await access.ReadableIdsAsync(cancellationToken);
        if (ids.Count == 0) return [];
        var situations = await db.Situations.AsNoTracking().Where(s => ids.Contains(s.Id)).ToListAsync(cancellationToken);
        await access.RecordReadsAsync(situations.Where(s => !s.IsErased).ToList(), "liste des situations", cancellationToken);
        return situations.OrderByDescending(s => s.SubmittedAt).Select(s =>
        {
            var identity = sealer.Open<Identity>(s.SealedIdentity, s.Id);
            return new SituationLine(s.Id, s.Reference, identity is null ? null : $"{identity.FirstName} {identity.LastName}", s.State, Situation.StateLabel(s.State),
                s.SubmittedOn, access.IsPrescriber(s));
        }).ToList();
    }
}

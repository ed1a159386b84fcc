using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.CelluleHandicap.Data;
using SproHub.Plugins.CelluleHandicap.Privacy;
using SproHub.Plugins.CelluleHandicap.Sessions;
using SproHub.Plugins.CelluleHandicap.Situations;
using SproHub.Shared.Audit;
using SproHub.Shared.Data;
using SproHub.Shared.Errors;
using SproHub.Shared.Events;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.CelluleHandicap.Concertation;

/// <summary>Before the session, an attending partner adds what it knows of the situation.</summary>
[RequiresPermission(CelluleHandicapModule.TakePartPermission)]
public sealed record AddPartnerInput(Guid SituationId, Guid PartnerId, string Text) : IRequest<Unit>;

public sealed record NextStepInput(Guid PartnerId, string Action);

/// <summary>On the day, the prescriber completes the diagnostic sheet with the partners' input and records the decisions and who carries each next step.</summary>
[RequiresPermission(CelluleHandicapModule.TakePartPermission)]
public sealed record RecordExamination(Guid SituationId, Guid SessionId, string Synthesis, string Decisions, IReadOnlyList<NextStepInput> NextSteps) : IRequest<Unit>;

/// <summary>At the concertation after the examination, the prescriber gives a short point on the situation.</summary>
[RequiresPermission(CelluleHandicapModule.TakePartPermission)]
public sealed record RecordFollowUp(Guid SituationId, string Text) : IRequest<Unit>;

[RequiresPermission(CelluleHandicapModule.TakePartPermission)]
public sealed record CloseSituation(Guid SituationId, Outcome Outcome, DateOnly ClosedOn) : IRequest<Unit>;

public sealed class AddPartnerInputValidator : AbstractValidator<AddPartnerInput>
{
    public AddPartnerInputValidator()
    {
        RuleFor(r => r.PartnerId).NotEmpty().WithMessage("Indiquez au nom de quel partenaire vous écrivez.");
        RuleFor(r => r.Text).NotEmpty().WithMessage("Écrivez ce que votre structure sait de la situation.").MaximumLength(SubmitSituationValidator.TextMaxLength);
    }
}

public sealed class RecordExaminationValidator : AbstractValidator<RecordExamination>
{
    public RecordExaminationValidator()
    {
        RuleFor(r => r.SessionId).NotEmpty();
        RuleFor(r => r.Synthesis).NotEmpty().WithMessage("Complétez la fiche diagnostic avec les apports des partenaires.").MaximumLength(SubmitSituationValidator.TextMaxLength);
        RuleFor(r => r.Decisions).NotEmpty().WithMessage("Notez les décisions de la cellule.").MaximumLength(SubmitSituationValidator.TextMaxLength);
        RuleFor(r => r.NextSteps).NotEmpty().WithMessage("Au moins une suite, avec le partenaire qui la porte.");
        RuleForEach(r => r.NextSteps).ChildRules(s =>
        {
            s.RuleFor(x => x.PartnerId).NotEmpty().WithMessage("Chaque suite a un partenaire qui la porte.");
            s.RuleFor(x => x.Action).NotEmpty().WithMessage("Décrivez la suite.").MaximumLength(1000);
        });
    }
}

public sealed class RecordFollowUpValidator : AbstractValidator<RecordFollowUp>
{
    public RecordFollowUpValidator() =>
        RuleFor(r => r.Text).NotEmpty().WithMessage("Donnez le point de situation.").MaximumLength(SubmitSituationValidator.TextMaxLength);
}

public sealed class CloseSituationValidator : AbstractValidator<CloseSituation>
{
    public CloseSituationValidator()
    {
        RuleFor(r => r.Outcome).IsInEnum();
        RuleFor(r => r.ClosedOn).NotEmpty().WithMessage("Datez la clôture.");
    }
}

internal sealed class ConcertationHandlers(CelluleHandicapDbContext db, SituationAccess access, AgendaPlanner planner, SensitiveData sealer, ICurrentUser user,
    IAuditLog audit, TimeProvider clock)
    : IRequestHandler<AddPartnerInput, Unit>, IRequestHandler<RecordExamination, Unit>, IRequestHandler<RecordFollowUp, Unit>, IRequestHandler<CloseSituation, Unit>
{
    private DateOnly Today => ParisTime.Today(clock);
    private string Me => user.DisplayName ?? user.Email ?? "?";

    public async Task<Unit> Handle(AddPartnerInput request, CancellationToken cancellationToken)
    {
        var situation = await access.ReadableAsync(request.SituationId, cancellationToken);
        if (!situation.IsOpen) throw new ConflictException("La situation n'est plus examinée.", "situation-close");
        var today = Today;
        // The input is for the coming session the partner attends, whose agenda carries the situation.
        var session = (await (from item in db.AgendaItems
                              join s in db.Sessions.Include(s => s.Absences) on item.SessionId equals s.Id
                              where item.SituationId == situation.Id && s.AgendaPublishedAt != null && s.Date >= today
                              orderby s.Date
                              select s).ToListAsync(cancellationToken)).FirstOrDefault(s => s.Attends(request.PartnerId));
        if (!(await access.AttendingPartnersAsync(situation.Id, cancellationToken)).Any(p => p.Id == request.PartnerId))
            throw new ForbiddenException("Vous ne représentez pas ce partenaire à une séance qui examine cette situation.");
        if (session is null)
            throw new ConflictException("Les partenaires apportent leurs éléments avant la séance, une fois l'ordre du jour envoyé.", "avant-la-seance");
        db.PartnerInputs.Add(new PartnerInput
        {
            SituationId = situation.Id, SessionId = session.Id, PartnerId = request.PartnerId, AuthorName = Me, WrittenAt = clock.GetUtcNow(),
            SealedText = sealer.Seal(new TextBox(request.Text.Trim()), situation.Id),
        });
        audit.Queue(db, new AuditEntry(CelluleHandicapModule.Id, "situation.apport", "situation", situation.Id.ToString(), situation.TerritoryId, situation.Reference));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    public async Task<Unit> Handle(RecordExamination request, CancellationToken cancellationToken)
    {
        var situation = await AsPrescriberAsync(request.SituationId, cancellationToken);
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == request.SessionId, cancellationToken)
            ?? throw new RuleViolationException("sessionId", "seance-de-la-cellule", "Séance introuvable.");
        if (!await db.AgendaItems.AnyAsync(i => i.SessionId == session.Id && i.SituationId == situation.Id && i.Kind == AgendaItemKind.Examen, cancellationToken))
            throw new RuleViolationException("sessionId", "a-l-ordre-du-jour", "Cette situation n'est pas à l'ordre du jour de cette séance.");
        if (Today < session.Date) throw new RuleViolationException("sessionId", "jour-de-la-seance", $"L'examen s'enregistre le jour de la séance ({session.Date:dd/MM/yyyy}) ou après.");
        if (await db.Examinations.AnyAsync(e => e.SituationId == situation.Id && e.SessionId == session.Id, cancellationToken))
            throw new ConflictException("L'examen de cette séance est déjà enregistré.", "deja-examinee");
        var partners = await db.Partners.Select(p => p.Id).ToListAsync(cancellationToken);
        var stranger = request.NextSteps.Select((s, i) => (s, i)).FirstOrDefault(x => !partners.Contains(x.s.PartnerId));
        if (stranger.s is not null) throw new RuleViolationException($"nextSteps[{stranger.i}].partnerId", "partenaire-de-la-cellule", "Chaque suite est portée par un partenaire de la cellule.");

        var examination = new Examination
        {
            SituationId = situation.Id, SessionId = session.Id, ExaminedOn = session.Date, RecordedBy = Me,
            SealedNotes = sealer.Seal(new ExaminationNotes(request.Synthesis.Trim(), request.Decisions.Trim()), situation.Id),
        };
        examination.NextSteps.AddRange(request.NextSteps.Select(s => new NextStep { PartnerId = s.PartnerId, SealedAction = sealer.Seal(new TextBox(s.Action.Trim()), situation.Id) }));
        db.Examinations.Add(examination);
        if (situation.MarkExamined(session.Date))
        {
            Count(situation, CelluleHandicapModule.Indicators.Examined, session.Date, 1, "examen");
            Count(situation, CelluleHandicapModule.Indicators.DaysToFirstExamination, session.Date, session.Date.DayNumber - situation.SubmittedOn.DayNumber, "delai");
        }
        await planner.PlanFollowUpAsync(situation, session, cancellationToken);
        audit.Queue(db, new AuditEntry(CelluleHandicapModule.Id, "situation.examinee", "situation", situation.Id.ToString(), situation.TerritoryId, situation.Reference));
        await db.SaveOrConflictAsync("L'examen de cette séance vient d'être enregistré.", "deja-examinee", cancellationToken);
        return Unit.Value;
    }

    public async Task<Unit> Handle(RecordFollowUp request, CancellationToken cancellationToken)
    {
        var situation = await AsPrescriberAsync(request.SituationId, cancellationToken);
        if (situation.State != SituationState.Examinee) throw new ConflictException("Le point de situation suit un examen en concertation.", "apres-examen");
        var due = await (from item in db.AgendaItems
                         join s in db.Sessions on item.SessionId equals s.Id
                         where item.SituationId == situation.Id && item.Kind == AgendaItemKind.PointDeSituation
                         orderby s.Date
                         select s).ToListAsync(cancellationToken);
        var given = await db.FollowUps.Where(f => f.SituationId == situation.Id).Select(f => f.SessionId).ToListAsync(cancellationToken);
        var session = due.FirstOrDefault(s => !given.Contains(s.Id))
            ?? throw new ConflictException("Aucune concertation n'attend de point de situation pour cette situation : il se donne à la concertation qui suit l'examen, une fois prévue.", "point-sans-seance");
        var today = Today;
        var onTime = today <= session.Date;
        db.FollowUps.Add(new FollowUp { SituationId = situation.Id, SessionId = session.Id, RecordedOn = today, OnTime = onTime, RecordedBy = Me,
            SealedText = sealer.Seal(new TextBox(request.Text.Trim()), situation.Id) });
        if (given.Count == 0) Count(situation, CelluleHandicapModule.Indicators.Followed, today, 1, "suivi");
        if (onTime) Count(situation, CelluleHandicapModule.Indicators.FollowUpsOnTime, today, 1, $"point-{session.Id}");
        audit.Queue(db, new AuditEntry(CelluleHandicapModule.Id, "situation.point", "situation", situation.Id.ToString(), situation.TerritoryId, situation.Reference));
        await db.SaveOrConflictAsync("Ce point de situation vient d'être enregistré.", "point-deja-donne", cancellationToken);
        return Unit.Value;
    }

    public async Task<Unit> Handle(CloseSituation request, CancellationToken cancellationToken)
    {
        var situation = await AsPrescriberAsync(request.SituationId, cancellationToken);
        situation.Close(request.Outcome, request.ClosedOn, Today);
        await planner.RemoveFromComingAgendasAsync(situation.Id, cancellationToken);
        if (request.Outcome == Outcome.SolutionTrouvee) Count(situation, CelluleHandicapModule.Indicators.SolutionsFound, request.ClosedOn, 1, "solution");
        audit.Queue(db, new AuditEntry(CelluleHandicapModule.Id, "situation.close", "situation", situation.Id.ToString(), situation.TerritoryId,
            $"{situation.Reference} : {Situation.OutcomeLabel(request.Outcome)}"));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    private async Task<Situation> AsPrescriberAsync(Guid id, CancellationToken cancellationToken)
    {
        var situation = await access.ReadableAsync(id, cancellationToken, track: true);
        if (!access.IsPrescriber(situation)) throw new ForbiddenException("Le prescripteur de la situation complète sa fiche, son suivi et sa clôture.");
        return situation;
    }

    /// <summary>An indicator's count, told once per situation and kind (its source id).</summary>
    private void Count(Situation situation, string code, DateOnly day, decimal value, string what) =>
        db.AddIntegrationEvent(new IndicatorValueRecorded(Guid.NewGuid(), clock.GetUtcNow(), CelluleHandicapModule.Id, code, situation.TerritoryId, day, value, $"{situation.Id}/{what}"));
}

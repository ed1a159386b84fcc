using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.CelluleHandicap.Data;
using SproHub.Plugins.CelluleHandicap.Partners;
using SproHub.Plugins.CelluleHandicap.Privacy;
using SproHub.Plugins.CelluleHandicap.Sessions;
using SproHub.Shared.Audit;
using SproHub.Shared.Data;
using SproHub.Shared.Events;
using SproHub.Shared.Notifications;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.CelluleHandicap.Situations;

/// <summary>The request form and the diagnostic sheet, with the written consent the prescriber collected first.</summary>
[RequiresPermission(CelluleHandicapModule.TakePartPermission)]
public sealed record SubmitSituation(
    string FirstName, string LastName, DateOnly BirthDate, string? Town,
    Recognition Recognition, string? RecognitionDetails, string Situation, string Path, string Needs, string Question,
    DateOnly ConsentDate, bool ConsentExamination, bool ConsentSharing, bool ConsentFollowUp, bool YoungPersonConsent,
    bool GuardianConsent, string? GuardianName, string? GuardianRelation) : IRequest<SubmittedSituation>;

public sealed record SubmittedSituation(Guid Id, string Reference, Guid? SessionId, DateOnly? SessionDate);

public sealed class SubmitSituationValidator : AbstractValidator<SubmitSituation>
{
    public const int TextMaxLength = 4000;

    public SubmitSituationValidator()
    {
        RuleFor(r => r.FirstName).NotEmpty().WithMessage("Indiquez le prénom du jeune.").MaximumLength(100);
        RuleFor(r => r.LastName).NotEmpty().WithMessage("Indiquez le nom du jeune.").MaximumLength(100);
        RuleFor(r => r.BirthDate).NotEmpty().WithMessage("Indiquez la date de naissance.");
        RuleFor(r => r.Town).MaximumLength(100);
        RuleFor(r => r.Recognition).IsInEnum();
        RuleFor(r => r.RecognitionDetails).MaximumLength(1000);
        RuleFor(r => r.Situation).NotEmpty().WithMessage("Décrivez la situation du jeune.").MaximumLength(TextMaxLength);
        RuleFor(r => r.Path).NotEmpty().WithMessage("Retracez son parcours.").MaximumLength(TextMaxLength);
        RuleFor(r => r.Needs).NotEmpty().WithMessage("Indiquez ses besoins.").MaximumLength(TextMaxLength);
        RuleFor(r => r.Question).NotEmpty().WithMessage("Posez la question à la cellule.").MaximumLength(TextMaxLength);
        RuleFor(r => r.ConsentDate).NotEmpty().WithMessage("Datez le consentement écrit.");
        RuleFor(r => r.GuardianName).MaximumLength(200);
        RuleFor(r => r.GuardianRelation).MaximumLength(100);
    }
}

internal sealed class SubmitSituationHandler(CelluleHandicapDbContext db, CellMembership membership, AgendaPlanner planner, SensitiveData sealer,
    ITerritoryContext territory, ICurrentUser user, IAuditLog audit, INotifier notifier, TimeProvider clock) : IRequestHandler<SubmitSituation, SubmittedSituation>
{
    public async Task<SubmittedSituation> Handle(SubmitSituation r, CancellationToken cancellationToken)
    {
        var today = ParisTime.Today(clock);
        var territoryId = territory.Current!.Slug;
        var purposes = (r.ConsentExamination ? ConsentPurposes.ExamenEnCellule : 0) | (r.ConsentSharing ? ConsentPurposes.PartageEntrePartenaires : 0)
            | (r.ConsentFollowUp ? ConsentPurposes.SuiviDuParcours : 0);
        var identity = new Identity(r.FirstName.Trim(), r.LastName.Trim(), r.BirthDate, Blank(r.Town), Blank(r.GuardianName), Blank(r.GuardianRelation));
        var sheet = new DiagnosticSheet(r.Situation.Trim(), r.Path.Trim(), Blank(r.RecognitionDetails), r.Needs.Trim(), r.Question.Trim());
        var organisation = (await membership.MyPartnersAsync(cancellationToken)).FirstOrDefault()?.Name;
        var prefix = $"CHJ-{today.Year}-";
        var number = await db.Situations.CountAsync(s => s.Reference.StartsWith(prefix), cancellationToken) + 1;
        var situation = Situation.Submit(territoryId, $"{prefix}{number:000}", user.Email!.Trim().ToLowerInvariant(), user.DisplayName ?? user.Email ?? "?", organisation, identity, sheet,
            r.Recognition, r.ConsentDate, purposes, r.YoungPersonConsent, r.GuardianConsent, clock.GetUtcNow(), today,
            (id, who, what) => (sealer.Seal(who, id), sealer.Seal(what, id)));
        db.Situations.Add(situation);
        var session = await planner.PlaceAsync(situation, cancellationToken);
        db.AddIntegrationEvent(new IndicatorValueRecorded(Guid.NewGuid(), clock.GetUtcNow(), CelluleHandicapModule.Id, CelluleHandicapModule.Indicators.Submitted,
            territoryId, today, 1, situation.Id.ToString()));
        audit.Queue(db, new AuditEntry(CelluleHandicapModule.Id, "situation.deposee", "situation", situation.Id.ToString(), territoryId, situation.Reference));
        if (session is not null) await TellSecretariatAsync(session, situation, cancellationToken);
        try { await db.SaveChangesAsync(cancellationToken); }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (!await db.Situations.AsNoTracking().AnyAsync(s => s.Reference == situation.Reference, cancellationToken)) throw;
            throw new SproHub.Shared.Errors.ConflictException("Une autre situation vient de recevoir ce numéro : envoyez le formulaire à nouveau.", "numero-pris");
        }
        return new SubmittedSituation(situation.Id, situation.Reference, session?.Id, session?.Date);
    }

    private async Task TellSecretariatAsync(Session session, Situation situation, CancellationToken cancellationToken)
    {
        var recipients = await CellRecipients.OfAsync(db, session.SecretariatPartnerId, cancellationToken);
        if (recipients.Count == 0) return;
        notifier.Queue(db, new Notification(CelluleHandicapModule.Id, CelluleHandicapModule.SituationKind, situation.TerritoryId, recipients,
            $"Nouvelle situation pour la cellule : {situation.Reference}",
            $"Une situation ({situation.Reference}) est déposée avec le consentement écrit du jeune et inscrite à la {AgendaSender.Describe(session)}. Par confidentialité, ce message ne nomme personne.",
            $"/t/{situation.TerritoryId}/cellule/seances/{session.Id}"));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.CelluleHandicap.Data;
using SproHub.Plugins.CelluleHandicap.Partners;
using SproHub.Plugins.CelluleHandicap.Privacy;
using SproHub.Plugins.CelluleHandicap.Sessions;
using SproHub.Shared.Audit;
using SproHub.Shared.Errors;
using SproHub.Shared.Notifications;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.CelluleHandicap.Situations;

/// <summary>
/// The young person (or their parent) withdraws consent: the situation leaves every agenda still to come and what
/// identifies them or tells their health is erased at once, for good. The counts stay.
/// </summary>
[RequiresPermission(CelluleHandicapModule.TakePartPermission)]
public sealed record WithdrawConsent(Guid SituationId, DateOnly WithdrawnOn) : IRequest<SituationLine>;

public sealed class WithdrawConsentValidator : AbstractValidator<WithdrawConsent>
{
    public WithdrawConsentValidator() => RuleFor(r => r.WithdrawnOn).NotEmpty().WithMessage("Datez le retrait du consentement.");
}

internal sealed class WithdrawConsentHandler(CelluleHandicapDbContext db, SituationAccess access, AgendaPlanner planner, INotifier notifier, IAuditLog audit,
    TimeProvider clock) : IRequestHandler<WithdrawConsent, SituationLine>
{
    public async Task<SituationLine> Handle(WithdrawConsent request, CancellationToken cancellationToken)
    {
        var situation = await access.ReadableAsync(request.SituationId, cancellationToken, track: true);
        if (!access.IsPrescriber(situation)) throw new ForbiddenException("Le prescripteur, qui a recueilli le consentement, en enregistre le retrait.");
        situation.WithdrawConsent(request.WithdrawnOn, ParisTime.Today(clock), clock.GetUtcNow());
        await Erasure.EraseAsync(db, situation, clock.GetUtcNow(), "retrait du consentement", cancellationToken);
        var left = await planner.RemoveFromComingAgendasAsync(situation.Id, cancellationToken);
        foreach (var session in left.Where(s => s.IsPublished)) await TellSecretariatAsync(session, situation, cancellationToken);
        audit.Queue(db, new AuditEntry(CelluleHandicapModule.Id, "consentement.retire", "situation", situation.Id.ToString(), situation.TerritoryId,
            $"{situation.Reference} : données identifiantes et de santé effacées, retirée de {SproHub.Shared.Text.French.Count(left.Count, "ordre du jour", "ordres du jour")}"));
        await db.SaveChangesAsync(cancellationToken);
        return new SituationLine(situation.Id, situation.Reference, null, situation.State, Situation.StateLabel(situation.State), situation.SubmittedOn, true);
    }

    private async Task TellSecretariatAsync(Session session, Situation situation, CancellationToken cancellationToken)
    {
        var recipients = await CellRecipients.OfAsync(db, null, cancellationToken);
        if (recipients.Count == 0) return;
        notifier.Queue(db, new Notification(CelluleHandicapModule.Id, CelluleHandicapModule.SituationKind, situation.TerritoryId, recipients,
            $"Situation retirée de l'ordre du jour : {situation.Reference}",
            $"Le consentement a été retiré : la situation {situation.Reference} quitte l'ordre du jour de la {AgendaSender.Describe(session)} et ses données sont effacées de la plateforme.\n\n"
            + "Supprimez aussi ce que vous en auriez gardé ailleurs.", $"/t/{situation.TerritoryId}/cellule/seances/{session.Id}"));
    }
}

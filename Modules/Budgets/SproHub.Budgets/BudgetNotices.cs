using SproHub.Budgets.Data;
using SproHub.Budgets.Requests;
using SproHub.Shared.Network;
using SproHub.Shared.Notifications;
using SproHub.Shared.Territories;

namespace SproHub.Budgets;

/// <summary>Tells the carrier (its agents who sign) and the territory's coordinators of what the Région decided about their money.</summary>
internal sealed class BudgetNotices(INotifier notifier, IPersonDirectory people, TimeProvider clock)
{
    public const string Kind = "budgets.carrier-news";

    public async Task QueueAsync(BudgetsDbContext db, FinancialAgreement agreement, string subject, string body, string page, CancellationToken cancellationToken)
    {
        var signatories = (await people.ListAsync([agreement.CarrierStructureId], cancellationToken)).Where(p => p.MaySign);
        var coordinators = await people.CoordinatorsAsync(agreement.TerritoryId, ParisTime.Today(clock), cancellationToken);
        var recipients = NotificationRecipients.Of(signatories.Concat(coordinators));
        if (recipients.Count == 0) return;
        notifier.Queue(db, new Notification(BudgetsModule.Id, Kind, agreement.TerritoryId, recipients, $"{subject} — convention financière {agreement.Label}", body,
            $"/t/{agreement.TerritoryId}/{page}?annee={agreement.Year}"));
    }
}

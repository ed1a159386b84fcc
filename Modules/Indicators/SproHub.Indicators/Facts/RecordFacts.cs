using MediatR;
using Microsoft.EntityFrameworkCore;
using SproHub.Indicators.Catalogue;
using SproHub.Indicators.Data;
using SproHub.Shared.Events;

namespace SproHub.Indicators.Facts;

/// <summary>
/// Keeps what the platform's events tell, so that the dashboards fill themselves. Each handler tolerates a repeat and a
/// late arrival: replaying every event, in any order, rebuilds the same facts.
/// </summary>
internal sealed class RecordFacts(IndicatorsDbContext db) :
    INotificationHandler<MeetingHeld>, INotificationHandler<IndicatorValueRecorded>,
    INotificationHandler<SubsidyGranted>, INotificationHandler<PaymentMade>, INotificationHandler<YearClosed>
{
    /// <summary>The latest telling of a meeting replaces the previous ones (attendance corrected).</summary>
    public async Task Handle(MeetingHeld e, CancellationToken cancellationToken)
    {
        var fact = await db.Meetings.FindAsync([e.MeetingId], cancellationToken);
        if (fact is null) db.Meetings.Add(fact = new MeetingFact { MeetingId = e.MeetingId, TerritoryId = e.TerritoryId, MeetingType = e.MeetingType, Subject = e.Subject });
        else if (fact.OccurredAt > e.OccurredAt) return;
        (fact.TerritoryId, fact.Day, fact.MeetingType, fact.Subject) = (e.TerritoryId, e.Date, e.MeetingType, e.Subject);
        (fact.InvitedStructures, fact.ParticipatingStructures, fact.OccurredAt) = (e.InvitedStructures, e.ParticipatingStructures, e.OccurredAt);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A module's contribution to one of its indicators, counted once per event.</summary>
    public async Task Handle(IndicatorValueRecorded e, CancellationToken cancellationToken)
    {
        if (await db.Counts.AnyAsync(c => c.EventId == e.EventId, cancellationToken)) return;
        var code = IndicatorCatalogue.PluginCode(e.ModuleId, e.IndicatorCode);
        db.Counts.Add(new CountFact { EventId = e.EventId, Code = code, TerritoryId = e.TerritoryId, Day = e.Date, Delta = e.Delta, SourceId = e.SourceId });
        // The total moves in the same transaction; its version makes two hosts adding at once retry rather than lose one.
        var total = await db.Totals.FindAsync([e.TerritoryId, code, e.Date.Year], cancellationToken);
        if (total is null) db.Totals.Add(total = new CountTotal { TerritoryId = e.TerritoryId, Code = code, Year = e.Date.Year });
        total.Total += e.Delta;
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task Handle(SubsidyGranted e, CancellationToken cancellationToken) => UpdateBudgetAsync(e.TerritoryId, e.Year, b =>
    {
        // A later decision (none is made after payments, but a replay may bring them in any order) wins.
        if (e.OccurredAt < b.GrantedAt) return;
        (b.Granted, b.GrantedAt) = (e.Granted, e.OccurredAt);
    }, cancellationToken);

    /// <summary>Payments only add up: the largest total paid so far is the latest.</summary>
    public Task Handle(PaymentMade e, CancellationToken cancellationToken) =>
        UpdateBudgetAsync(e.TerritoryId, e.Year, b => b.Paid = Math.Max(b.Paid, e.PaidSoFar), cancellationToken);

    public Task Handle(YearClosed e, CancellationToken cancellationToken) => UpdateBudgetAsync(e.TerritoryId, e.Year, b =>
    {
        b.Spent = e.Spent;
        b.Paid = Math.Max(b.Paid, e.Paid);
        if (b.Granted == 0) b.Granted = e.Granted;
    }, cancellationToken);

    private async Task UpdateBudgetAsync(string territoryId, int year, Action<BudgetFact> change, CancellationToken cancellationToken)
    {
        var fact = await db.Budgets.FindAsync([territoryId, year], cancellationToken);
        if (fact is null) db.Budgets.Add(fact = new BudgetFact { TerritoryId = territoryId, Year = year });
        change(fact);
        await db.SaveChangesAsync(cancellationToken);
    }
}

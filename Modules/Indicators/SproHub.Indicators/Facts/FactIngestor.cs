using Microsoft.EntityFrameworkCore;
using SproHub.Indicators.Catalogue;
using SproHub.Indicators.Data;
using SproHub.Shared.Events;

namespace SproHub.Indicators.Facts;

/// <summary>
/// Keeps what the platform's events tell, so that the dashboards fill themselves: one event as the outbox delivers it, or
/// thousands in one transaction when a backlog or a replay comes in. A repeat counts once and an older telling never
/// replaces a newer one, so replaying every event, in any order, rebuilds the same figures.
/// </summary>
public sealed class FactIngestor(IndicatorsDbContext db)
{
    public async Task IngestAsync(IReadOnlyList<IIntegrationEvent> events, CancellationToken cancellationToken)
    {
        var added = await CountAsync(events.OfType<IndicatorValueRecorded>().DistinctBy(e => e.EventId).ToList(), cancellationToken);
        await MeetingsAsync(events.OfType<MeetingHeld>().ToList(), cancellationToken);
        foreach (var e in events)
        {
            switch (e)
            {
                case SubsidyGranted g:
                    await BudgetAsync(g.TerritoryId, g.Year, b => { if (g.OccurredAt >= b.GrantedAt) (b.Granted, b.GrantedAt) = (g.Granted, g.OccurredAt); }, cancellationToken);
                    break;
                case PaymentMade p: // payments only add up: the largest total paid so far is the latest
                    await BudgetAsync(p.TerritoryId, p.Year, b => b.Paid = Math.Max(b.Paid, p.PaidSoFar), cancellationToken);
                    break;
                case YearClosed c:
                    await BudgetAsync(c.TerritoryId, c.Year, b => { b.Spent = c.Spent; b.Paid = Math.Max(b.Paid, c.Paid); if (b.Granted == 0) b.Granted = c.Granted; }, cancellationToken);
                    break;
            }
        }
        if (added.Count == 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            return;
        }
        // The facts and the totals' additions commit together; rows are locked in one order, so two hosts never deadlock.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await db.SaveChangesAsync(cancellationToken);
        foreach (var ((territory, code, year), delta) in added.OrderBy(a => a.Key.TerritoryId, StringComparer.Ordinal).ThenBy(a => a.Key.Code, StringComparer.Ordinal).ThenBy(a => a.Key.Year))
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO indicators_totals ("TerritoryId", "Code", "Year", "Total", "Version") VALUES ({territory}, {code}, {year}, {delta}, 1)
                ON CONFLICT ("TerritoryId", "Code", "Year") DO UPDATE SET "Total" = indicators_totals."Total" + excluded."Total", "Version" = indicators_totals."Version" + 1
                """, cancellationToken);
        if (transaction is not null) await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// A module's contributions to its indicators, each counted once, and the running totals moved in the same transaction.
    /// On PostgreSQL, where several hosts deliver at once, the totals are added to in the database (returned here, to add
    /// after the facts): a read-then-write total made two hosts' batches refuse each other on every shared total.
    /// SQLite has one writer at a time, and adds in decimal through the tracked totals.
    /// </summary>
    private async Task<Dictionary<(string TerritoryId, string Code, int Year), decimal>> CountAsync(List<IndicatorValueRecorded> events, CancellationToken cancellationToken)
    {
        var added = new Dictionary<(string TerritoryId, string Code, int Year), decimal>();
        if (events.Count == 0) return added;
        var ids = events.Select(e => e.EventId).ToList();
        var known = (await db.Counts.AsNoTracking().Where(c => ids.Contains(c.EventId)).Select(c => c.EventId).ToListAsync(cancellationToken)).ToHashSet();
        var fresh = events.Where(e => !known.Contains(e.EventId)).ToList();
        if (fresh.Count == 0) return added;
        foreach (var e in fresh)
        {
            var code = IndicatorCatalogue.PluginCode(e.ModuleId, e.IndicatorCode);
            db.Counts.Add(new CountFact { EventId = e.EventId, Code = code, TerritoryId = e.TerritoryId, Day = e.Date, Delta = e.Delta, SourceId = e.SourceId });
            added[(e.TerritoryId, code, e.Date.Year)] = added.GetValueOrDefault((e.TerritoryId, code, e.Date.Year)) + e.Delta;
        }
        if (db.Database.IsNpgsql()) return added;

        var territories = added.Keys.Select(k => k.TerritoryId).Distinct().ToList();
        var years = added.Keys.Select(k => k.Year).Distinct().ToList();
        var totals = (await db.Totals.Where(t => territories.Contains(t.TerritoryId) && years.Contains(t.Year)).ToListAsync(cancellationToken))
            .ToDictionary(t => (t.TerritoryId, t.Code, t.Year));
        foreach (var ((territory, code, year), delta) in added)
        {
            if (!totals.TryGetValue((territory, code, year), out var total))
                db.Totals.Add(total = new CountTotal { TerritoryId = territory, Code = code, Year = year });
            total.Total += delta;
        }
        return [];
    }

    /// <summary>The latest telling of a meeting replaces the previous ones (attendance corrected).</summary>
    private async Task MeetingsAsync(List<MeetingHeld> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0) return;
        var ids = events.Select(e => e.MeetingId).Distinct().ToList();
        var facts = await db.Meetings.Where(m => ids.Contains(m.MeetingId)).ToDictionaryAsync(m => m.MeetingId, cancellationToken);
        foreach (var e in events.OrderBy(e => e.OccurredAt).ThenBy(e => e.EventId))
        {
            if (!facts.TryGetValue(e.MeetingId, out var fact))
                db.Meetings.Add(facts[e.MeetingId] = fact = new MeetingFact { MeetingId = e.MeetingId, TerritoryId = e.TerritoryId, MeetingType = e.MeetingType, Subject = e.Subject });
            // The latest telling wins; two told at the same instant are ordered by their ids, so any replay order agrees.
            else if (fact.OccurredAt > e.OccurredAt || (fact.OccurredAt == e.OccurredAt && fact.EventId.CompareTo(e.EventId) > 0)) continue;
            (fact.TerritoryId, fact.Day, fact.MeetingType, fact.Subject) = (e.TerritoryId, e.Date, e.MeetingType, e.Subject);
            (fact.InvitedStructures, fact.ParticipatingStructures, fact.OccurredAt, fact.EventId) = (e.InvitedStructures, e.ParticipatingStructures, e.OccurredAt, e.EventId);
        }
    }

    private async Task BudgetAsync(string territoryId, int year, Action<BudgetFact> change, CancellationToken cancellationToken)
    {
        var fact = await db.Budgets.FindAsync([territoryId, year], cancellationToken);
        if (fact is null) db.Budgets.Add(fact = new BudgetFact { TerritoryId = territoryId, Year = year });
        change(fact);
    }
}

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SproHub.Indicators.Data;
using SproHub.Indicators.Facts;
using SproHub.Shared.Events;
using Xunit;

namespace Indicators.Tests;

/// <summary>The ingestor's promise, on an in-memory database: any order, any repeat, one event at a time or all at once, the same facts.</summary>
public sealed class ReplayRuleTests
{
    private static readonly DateTimeOffset T = new(2025, 6, 1, 8, 0, 0, TimeSpan.Zero);

    private static async Task<string> FactsAfterAsync(IEnumerable<IReadOnlyList<IIntegrationEvent>> batches)
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var options = new DbContextOptionsBuilder<IndicatorsDbContext>().UseSqlite(connection).Options;
        await using (var setup = new IndicatorsDbContext(options)) await setup.Database.EnsureCreatedAsync();
        foreach (var batch in batches)
        {
            await using var db = new IndicatorsDbContext(options);
            await new FactIngestor(db).IngestAsync(batch, CancellationToken.None);
        }
        await using var read = new IndicatorsDbContext(options);
        var meetings = (await read.Meetings.ToListAsync()).OrderBy(m => m.MeetingId).Select(m => $"{m.MeetingId}:{m.InvitedStructures}/{m.ParticipatingStructures}");
        var totals = (await read.Totals.ToListAsync()).OrderBy(t => t.Code).Select(t => $"{t.TerritoryId}:{t.Code}:{t.Year}={t.Total:0.##}");
        var budgets = (await read.Budgets.ToListAsync()).Select(b => $"{b.TerritoryId}:{b.Year}={b.Granted:0.##}/{b.Paid:0.##}/{b.Spent:0.##}");
        return string.Join("|", meetings.Concat(totals).Concat(budgets));
    }

    [Fact]
    public async Task Any_order_and_any_repeat_give_the_same_facts()
    {
        var meeting = Guid.NewGuid();
        // Two tellings of one meeting at the same instant: the event ids decide, whatever the order.
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        IIntegrationEvent[] events =
        [
            new MeetingHeld(a, T, "cher", meeting, "LocalCommittee", "Comité", new DateOnly(2025, 5, 30), 10, 4),
            new MeetingHeld(b, T, "cher", meeting, "LocalCommittee", "Comité", new DateOnly(2025, 5, 30), 10, 7),
            new MeetingHeld(Guid.NewGuid(), T.AddMinutes(-5), "cher", meeting, "LocalCommittee", "Comité", new DateOnly(2025, 5, 30), 10, 1),
            new IndicatorValueRecorded(Guid.NewGuid(), T, "comete", "replay-views", "cher", new DateOnly(2025, 5, 2), 2, "r1"),
            new IndicatorValueRecorded(Guid.NewGuid(), T, "comete", "replay-views", "cher", new DateOnly(2025, 5, 3), 1.5m, "r1"),
            new SubsidyGranted(Guid.NewGuid(), new DateOnly(2025, 2, 10), "cher", 2025, 16_000m, 15_000m, 4_000m, T),
            new PaymentMade(Guid.NewGuid(), "cher", 2025, "Advance", 7_500m, new DateOnly(2025, 3, 16), 7_500m, 15_000m, T.AddDays(1)),
            new PaymentMade(Guid.NewGuid(), "cher", 2025, "Balance", 6_000m, new DateOnly(2026, 2, 1), 13_500m, 15_000m, T.AddDays(2)),
            new YearClosed(Guid.NewGuid(), "cher", 2025, new DateOnly(2026, 1, 20), 15_000m, 7_500m, 13_500m, [], T.AddDays(3)),
        ];
        var oneByOne = await FactsAfterAsync(events.Select(e => (IReadOnlyList<IIntegrationEvent>)[e]));
        var backwardsTwice = await FactsAfterAsync([events.Reverse().Concat(events).ToList()]);
        var shuffled = await FactsAfterAsync(events.OrderBy(e => e.EventId).Chunk(2).Select(c => (IReadOnlyList<IIntegrationEvent>)c));
        Assert.Equal(oneByOne, backwardsTwice);
        Assert.Equal(oneByOne, shuffled);
        Assert.Contains($"{meeting}:10/{(a.CompareTo(b) > 0 ? 4 : 7)}", oneByOne);
        Assert.Contains("cher:comete.replay-views:2025=3.5", oneByOne.Replace(',', '.'));
        Assert.Contains("cher:2025=15000/13500/13500", oneByOne);
    }
}

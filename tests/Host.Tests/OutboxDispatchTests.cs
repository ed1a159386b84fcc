using System.Collections.Concurrent;
using MediatR;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SproHub.Host.Platform.Data;
using SproHub.Host.Platform.Outbox;
using SproHub.Indicators.Data;
using SproHub.Shared.Data;
using SproHub.Shared.Events;
using SproHub.Testing;
using Xunit;

namespace Host.Tests;

/// <summary>The platform with a listener that counts each indicator event it hears and fails once when told to.</summary>
public sealed class CountingListenerFactory : SproHubFactory
{
    public const string FailOnce = "echoue-une-fois";
    public ConcurrentDictionary<Guid, int> Calls { get; } = new();

    /// <summary>Which of the test's dispatchers runs the current delivery (flows into the handler with the call).</summary>
    public static readonly AsyncLocal<int?> Dispatcher = new();

    /// <summary>
    /// Per dispatcher, set at its first delivery: each holds its deliveries until the other has begun, so the two surely
    /// overlap whatever the machine's load (never longer than 10 s: a dispatcher blocked by the other's claim still ends).
    /// </summary>
    public TaskCompletionSource[]? Delivering { get; set; }

    // Small batches: two dispatchers then take turns many times over the same outbox.
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Outbox:BatchSize"] = "50" };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<INotificationHandler<IndicatorValueRecorded>>(new Listener(this)));
    }

    private sealed class Listener(CountingListenerFactory factory) : INotificationHandler<IndicatorValueRecorded>
    {
        public async Task Handle(IndicatorValueRecorded e, CancellationToken cancellationToken)
        {
            if (factory.Delivering is { } delivering && Dispatcher.Value is { } mine)
            {
                delivering[mine].TrySetResult();
                await delivering[1 - mine].Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            var count = factory.Calls.AddOrUpdate(e.EventId, 1, (_, n) => n + 1);
            if (e.SourceId == FailOnce && count == 1) throw new InvalidOperationException("Échec voulu par le test");
        }
    }
}

// Its own host, not the shared platform: a counting listener that fails on demand, in that host's services.
public sealed class OutboxDispatchTests(CountingListenerFactory factory) : IClassFixture<CountingListenerFactory>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await factory.ResetAsync();
        await factory.DispatchOutboxAsync(); // the demo data's own events, out of the way
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static IndicatorValueRecorded Count(string sourceId, string territory = "cher") =>
        new(Guid.NewGuid(), DateTimeOffset.UtcNow, "comete", "shows-broadcast", territory, new DateOnly(2026, 3, 2), 1, sourceId);

    /// <summary>Writes the events to the outboxes of the platform and of the Indicators module, in turn, as modules do.</summary>
    private Task WriteAsync(IReadOnlyList<IndicatorValueRecorded> events) => factory.InScopeAsync(async services =>
    {
        var outboxes = new DbContext[] { services.GetRequiredService<PlatformDbContext>(), services.GetRequiredService<IndicatorsDbContext>() };
        for (var i = 0; i < events.Count; i++) outboxes[i % outboxes.Length].AddIntegrationEvent(events[i]);
        foreach (var db in outboxes) await db.SaveChangesAsync();
        return events.Count;
    });

    private Task<OutboxMessage> RowAsync(Guid eventId) => factory.InScopeAsync(services =>
        services.GetRequiredService<PlatformDbContext>().Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.EventId == eventId));

    [Fact]
    public async Task A_delivered_message_is_marked_processed_and_keeps_no_claim()
    {
        var e = Count("livre");
        await WriteAsync([e]);
        await factory.DispatchOutboxAsync();

        var row = await RowAsync(e.EventId);
        Assert.NotNull(row.ProcessedAt);
        Assert.Null(row.LockedUntilTicks);
        Assert.Equal(1, factory.Calls[e.EventId]);
    }

    [Fact]
    public async Task A_message_that_failed_is_tried_again_at_the_next_pass_not_a_minute_later()
    {
        var e = Count(CountingListenerFactory.FailOnce);
        await WriteAsync([e]);
        await factory.DispatchOutboxAsync();
        var failed = await RowAsync(e.EventId);
        Assert.Null(failed.ProcessedAt);
        Assert.Equal(1, failed.Attempts);
        Assert.Null(failed.LockedUntilTicks); // released at once, for the next pass

        await factory.DispatchOutboxAsync();
        Assert.Equal(2, factory.Calls[e.EventId]);
        Assert.NotNull((await RowAsync(e.EventId)).ProcessedAt);
    }

    [Fact]
    public async Task A_failing_message_neither_blocks_nor_undoes_the_others_of_its_batch()
    {
        var events = Enumerable.Range(0, 120).Select(i => Count(i == 8 ? CountingListenerFactory.FailOnce : $"lot-{i}")).ToList();
        await WriteAsync(events);
        await factory.DispatchOutboxAsync();

        Assert.All(events, e => Assert.Equal(1, factory.Calls[e.EventId]));
        var pending = await factory.InScopeAsync(services => services.GetRequiredService<PlatformDbContext>().Set<OutboxMessage>()
            .Where(m => m.ProcessedAt == null).Select(m => m.EventId).ToListAsync());
        Assert.Equal([events[8].EventId], pending); // the platform's outbox holds the even ones
    }

    [Fact]
    public async Task Two_dispatchers_draining_the_same_outboxes_at_once_deliver_every_event_exactly_once()
    {
        var events = Enumerable.Range(0, 2_000).Select(i => Count($"concurrent-{i}", i % 2 == 0 ? "cher" : "orleans")).ToList();
        var (_, before) = await IndicatorsAsync(events);
        await WriteAsync(events);
        // Small batches, and the first dispatcher waits for the second to deliver: on a busy machine one could otherwise drain all.
        factory.Delivering = [new(TaskCreationOptions.RunContinuationsAsynchronously), new(TaskCreationOptions.RunContinuationsAsynchronously)];
        var small = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Outbox:BatchSize"] = "25" }).Build();
        var dispatchers = new[] { ActivatorUtilities.CreateInstance<OutboxDispatcher>(factory.Services, small), ActivatorUtilities.CreateInstance<OutboxDispatcher>(factory.Services, small) };
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var running = dispatchers.Select((d, i) => Task.Run(async () =>
        {
            await start.Task;
            CountingListenerFactory.Dispatcher.Value = i;
            return await d.DispatchPendingAsync(CancellationToken.None);
        })).ToList();
        start.SetResult();
        var published = await Task.WhenAll(running);
        factory.Delivering = null;

        Assert.All(published, p => Assert.True(p > 0, "each dispatcher took its share"));
        Assert.Equal(events.Count, published.Sum());
        Assert.All(events, e => Assert.Equal(1, factory.Calls[e.EventId]));
        var (facts, total) = await IndicatorsAsync(events);
        Assert.Equal(events.Count, facts);
        Assert.Equal(events.Count, total - before);
    }

    /// <summary>The facts the Indicators module kept for these events, and its running totals of their indicator.</summary>
    private Task<(int Facts, decimal Total)> IndicatorsAsync(IReadOnlyList<IndicatorValueRecorded> events) => factory.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<IndicatorsDbContext>();
        var ids = events.Select(e => e.EventId).ToList();
        var territories = events.Select(e => e.TerritoryId).Distinct().ToList();
        var totals = await db.Totals.AsNoTracking().Where(t => territories.Contains(t.TerritoryId) && t.Code.Contains("shows-broadcast") && t.Year == 2026).ToListAsync();
        return (await db.Counts.CountAsync(c => ids.Contains(c.EventId)), totals.Sum(t => t.Total));
    });
}

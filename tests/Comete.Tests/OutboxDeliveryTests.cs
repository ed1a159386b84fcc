using System.Collections.Concurrent;
using System.Net;
using MediatR;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SproHub.Host.Platform.Outbox;
using SproHub.Shared.Events;
using SproHub.Testing;
using Xunit;
using static Comete.Tests.CometeApi;

namespace Comete.Tests;

/// <summary>The platform with a listener of indicator events, as the Indicators module will be.</summary>
public sealed class IndicatorListenerFactory : SproHubFactory
{
    public ConcurrentQueue<IndicatorValueRecorded> Received { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<INotificationHandler<IndicatorValueRecorded>>(new Listener(Received)));
    }

    private sealed class Listener(ConcurrentQueue<IndicatorValueRecorded> received) : INotificationHandler<IndicatorValueRecorded>
    {
        public Task Handle(IndicatorValueRecorded notification, CancellationToken cancellationToken)
        {
            received.Enqueue(notification);
            return Task.CompletedTask;
        }
    }
}

// Its own host, not the shared platform: an extra listener of indicator events, in that host's services.
public sealed class OutboxDeliveryTests(IndicatorListenerFactory factory) : IClassFixture<IndicatorListenerFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_broadcast_reaches_the_indicator_listener_once_after_commit()
    {
        var client = await factory.ClientAsAsync(DemoAccounts.LoirEtCherCoordinator);
        var show = await ConfirmableShowAsync(client, "2026-11-10");
        show = await (await TransitionAsync(client, show, "confirm")).JsonAsync(HttpStatusCode.OK);
        await (await TransitionAsync(client, show, "broadcast")).JsonAsync(HttpStatusCode.OK);

        var dispatcher = factory.Service<OutboxDispatcher>();
        Assert.True(await dispatcher.DispatchPendingAsync(CancellationToken.None) >= 1);
        Assert.Equal(0, await dispatcher.DispatchPendingAsync(CancellationToken.None));
        var received = Assert.Single(factory.Received, r => r.ModuleId == "comete"); // other plugins' demo data tells theirs
        Assert.Equal(("comete", "shows-broadcast", "loir-et-cher", 1m), (received.ModuleId, received.IndicatorCode, received.TerritoryId, received.Delta));
        Assert.Equal(new DateOnly(2026, 11, 10), received.Date);
        Assert.Equal(show.GetProperty("id").GetString(), received.SourceId);
    }
}

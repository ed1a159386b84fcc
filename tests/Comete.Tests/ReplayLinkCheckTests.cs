using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SproHub.Plugins.Comete.Replays;
using SproHub.Shared.Territories;
using SproHub.Testing;
using System.Text.Json;
using Xunit;
using static Comete.Tests.CometeApi;

namespace Comete.Tests;

/// <summary>A replay host on the loopback (never the internet): <c>/ok</c> answers, <c>/gone</c> is 404.</summary>
public sealed class StubReplayHost : IAsyncLifetime
{
    private WebApplication? _app;
    public string Url { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapGet("/ok", () => Results.Text("audio"));
        _app.MapGet("/gone", () => Results.NotFound());
        await _app.StartAsync();
        Url = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}

/// <summary>The platform allowed to reach the loopback stub server (the default refuses private addresses).</summary>
public sealed class LocalRepliesFactory : SproHubFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Comete:ReplayCheckAllowPrivate"] = "true" };
}

/// <summary>The background check of replay links.</summary>
// Its own host, not the shared platform: the checker is allowed private addresses there (the stub is on the loopback).
public sealed class ReplayLinkCheckTests(LocalRepliesFactory factory, StubReplayHost stub) : IClassFixture<LocalRepliesFactory>, IClassFixture<StubReplayHost>, IAsyncLifetime
{
    private readonly string _stubUrl = stub.Url;

    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_dead_replay_is_flagged_for_the_coordinator_and_a_live_one_is_not()
    {
        var client = await factory.ClientAsAsync(DemoAccounts.LoirEtCherCoordinator);
        var live = await BroadcastWithReplayAsync(client, "2026-11-10", $"{_stubUrl}/ok");
        var dead = await BroadcastWithReplayAsync(client, "2026-11-11", $"{_stubUrl}/gone");

        var found = await factory.InTerritoryAsync("loir-et-cher", sp => sp.GetRequiredService<ReplayLinkCheck>().CheckCurrentTerritoryAsync(CancellationToken.None));
        Assert.Equal(1, found);

        var deadReplay = (await (await client.GetAsync($"{LoirEtCher}/shows/{dead}")).JsonAsync(HttpStatusCode.OK)).GetProperty("replay");
        Assert.True(deadReplay.GetProperty("isDead").GetBoolean());
        Assert.Contains("404", deadReplay.GetProperty("lastProblem").GetString());
        var liveReplay = (await (await client.GetAsync($"{LoirEtCher}/shows/{live}")).JsonAsync(HttpStatusCode.OK)).GetProperty("replay");
        Assert.False(liveReplay.GetProperty("isDead").GetBoolean());
        Assert.NotEqual(JsonValueKind.Null, liveReplay.GetProperty("lastCheckedAt").ValueKind);

        var page = await client.GetStringAsync("/t/loir-et-cher/comete/gestion");
        Assert.Contains("Rediffusions injoignables", page);
    }

    [Fact]
    public async Task The_background_sweep_checks_only_territories_where_COMETE_is_enabled()
    {
        var checkedTerritories = await factory.Service<ReplayLinkSweep>().RunAsync(CancellationToken.None);
        Assert.Equal(["loir-et-cher"], checkedTerritories);
        var admin = await factory.ClientAsAsync(DemoAccounts.RegionAdmin);
        await (await admin.PutAsJsonAsync("/api/admin/modules/comete/territories/orleans", new { enabled = true })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["loir-et-cher", "orleans"], (await factory.Service<ReplayLinkSweep>().RunAsync(CancellationToken.None)).Order());
    }

    [Fact]
    public void By_default_the_checker_never_calls_the_machine_itself_or_a_private_network()
    {
        Assert.False(PublicAddressesOnly.IsPublic(System.Net.IPAddress.Loopback));
        Assert.False(PublicAddressesOnly.IsPublic(System.Net.IPAddress.Parse("10.1.2.3")));
        Assert.False(PublicAddressesOnly.IsPublic(System.Net.IPAddress.Parse("192.168.0.10")));
        Assert.False(PublicAddressesOnly.IsPublic(System.Net.IPAddress.Parse("169.254.169.254")));
        Assert.False(PublicAddressesOnly.IsPublic(System.Net.IPAddress.IPv6Loopback));
        Assert.True(PublicAddressesOnly.IsPublic(System.Net.IPAddress.Parse("93.184.216.34")));
    }

    [Fact]
    public async Task A_flagged_replay_is_no_longer_offered_to_listeners()
    {
        var client = await factory.ClientAsAsync(DemoAccounts.LoirEtCherCoordinator);
        var dead = await BroadcastWithReplayAsync(client, "2026-11-12", $"{_stubUrl}/gone");
        await factory.Service<ReplayLinkSweep>().RunAsync(CancellationToken.None);
        var listener = factory.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.NotFound, (await listener.GetAsync($"/t/loir-et-cher/comete/replays/{dead}")).StatusCode);
    }

    internal static async Task<string> BroadcastWithReplayAsync(HttpClient client, string date, string url)
    {
        var show = await ConfirmableShowAsync(client, date);
        show = await (await TransitionAsync(client, show, "confirm")).JsonAsync(HttpStatusCode.OK);
        show = await (await TransitionAsync(client, show, "broadcast")).JsonAsync(HttpStatusCode.OK);
        var id = show.GetProperty("id").GetString()!;
        await (await client.PutAsJsonAsync($"{LoirEtCher}/shows/{id}/replay", new { url, availableUntil = "2099-12-31", version = show.GetProperty("version").GetInt32() })).JsonAsync(HttpStatusCode.OK);
        return id;
    }
}

/// <summary>As deployed, the checker refuses to connect to the machine itself, even to a link that works.</summary>
[Collection(SharedPlatform.Name)]
public sealed class ReplayLinkCheckDefaultTests(SproHubFactory factory, StubReplayHost stub) : IClassFixture<StubReplayHost>, IAsyncLifetime
{
    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_link_to_the_loopback_is_never_fetched()
    {
        var client = await factory.ClientAsAsync(DemoAccounts.LoirEtCherCoordinator);
        var id = await ReplayLinkCheckTests.BroadcastWithReplayAsync(client, "2026-11-10", $"{stub.Url}/ok");
        await factory.Service<ReplayLinkSweep>().RunAsync(CancellationToken.None);
        var replay = (await (await client.GetAsync($"{LoirEtCher}/shows/{id}")).JsonAsync(HttpStatusCode.OK)).GetProperty("replay");
        Assert.True(replay.GetProperty("isDead").GetBoolean());
        Assert.StartsWith("Le lien pointe vers une adresse interne", replay.GetProperty("lastProblem").GetString());
    }
}

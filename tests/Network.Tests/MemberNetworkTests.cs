using System.Net;
using System.Net.Http.Json;
using SproHub.Testing;
using Xunit;

namespace Network.Tests;

/// <summary>The member networks: the founding ones, and those the Région adds, which structures then join.</summary>
[Collection(SharedPlatform.Name)]
public sealed class MemberNetworkTests(SproHubFactory factory) : IAsyncLifetime
{
    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_Région_adds_a_network_a_structure_joins_it_and_the_directory_filters_by_it()
    {
        var founding = await (await factory.CreateClient().GetAsync("/api/network/networks")).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(founding.EnumerateArray(), n => n.GetProperty("label").GetString() == "PRC-VAE" && !n.GetProperty("addedByRegion").GetBoolean());

        var admin = await factory.ClientAsAsync(DemoAccounts.RegionAdmin);
        var added = await (await admin.PostAsJsonAsync("/api/network/networks", new { label = "École de la deuxième chance" })).JsonAsync(HttpStatusCode.Created);
        var code = added.GetProperty("code").GetString();
        Assert.Equal("ecole-de-la-deuxieme-chance", code);
        var twice = await (await admin.PostAsJsonAsync("/api/network/networks", new { label = "École de la Deuxième Chance" })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("reseau-unique", twice.GetProperty("rules")[0].GetProperty("rule").GetString());
        var builtIn = await (await admin.PostAsJsonAsync("/api/network/networks", new { label = "Mission locale" })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("reseau-unique", builtIn.GetProperty("rules")[0].GetProperty("rule").GetString());

        var coordinator = await factory.ClientAsAsync(DemoAccounts.CherCoordinator);
        var unknown = await (await coordinator.PostAsJsonAsync("/api/territories/cher/network/structures", new { name = "E2C de Bourges", type = "Autre", town = "Bourges", network = "inconnu" }))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(("network", "reseau-connu"), (unknown.GetProperty("rules")[0].GetProperty("field").GetString(), unknown.GetProperty("rules")[0].GetProperty("rule").GetString()));
        var structure = await (await coordinator.PostAsJsonAsync("/api/territories/cher/network/structures", new { name = "E2C de Bourges", type = "Autre", town = "Bourges", network = code }))
            .JsonAsync(HttpStatusCode.Created);
        Assert.Equal("École de la deuxième chance", structure.GetProperty("typeLabel").GetString());

        var found = await (await factory.CreateClient().GetAsync($"/api/network/directory?type={code}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("E2C de Bourges", Assert.Single(found.GetProperty("structures").EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal(1, (await (await factory.CreateClient().GetAsync("/api/network/directory?q=deuxieme%20chance")).JsonAsync(HttpStatusCode.OK)).GetProperty("total").GetInt32());
        await (await factory.CreateClient().GetAsync("/api/network/directory?type=inconnu")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("École de la deuxième chance", WebUtility.HtmlDecode(await factory.CreateClient().GetStringAsync("/reseaux")));

        // The choices of the directory's search and of a structure's form (read without counting any structure).
        var search = WebUtility.HtmlDecode(await factory.CreateClient().GetStringAsync("/annuaire"));
        Assert.Contains($"<option value=\"{code}\">École de la deuxième chance</option>", search);
        Assert.InRange(search.IndexOf(">PRC-VAE</option>", StringComparison.Ordinal), 1, search.IndexOf(">École de la deuxième chance<", StringComparison.Ordinal)); // founding networks first
        Assert.Contains($"<option value=\"{code}\">École de la deuxième chance</option>", WebUtility.HtmlDecode(await coordinator.GetStringAsync("/t/cher/structures/edition")));
    }

    [Fact]
    public async Task Only_the_Région_adds_networks()
    {
        await (await factory.CreateClient().PostAsJsonAsync("/api/network/networks", new { label = "Réseau X" })).JsonAsync(HttpStatusCode.Unauthorized);
        await (await (await factory.ClientAsAsync(DemoAccounts.CherCoordinator)).PostAsJsonAsync("/api/network/networks", new { label = "Réseau X" })).JsonAsync(HttpStatusCode.Forbidden);
        Assert.DoesNotContain((await (await factory.CreateClient().GetAsync("/api/network/networks")).JsonAsync(HttpStatusCode.OK)).EnumerateArray(), n => n.GetProperty("label").GetString() == "Réseau X");
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SproHub.Testing;
using Xunit;

namespace Network.Tests;

/// <summary>The number of agents per structure and year: the denominators of the indicators on agents.</summary>
[Collection(SharedPlatform.Name)]
public sealed class AgentCountTests(SproHubFactory factory) : IAsyncLifetime
{
    private const string Cher2017 = "/api/territories/cher/network/agents/2017";

    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static string Id(JsonElement view, string name) =>
        view.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("structureName").GetString() == name).GetProperty("structureId").GetString()!;

    [Fact]
    public async Task The_coordinator_records_the_year_s_agents_and_the_totals_per_type_add_up()
    {
        var coordinator = await factory.ClientAsAsync(DemoAccounts.CherCoordinator);
        var empty = await (await coordinator.GetAsync(Cher2017)).JsonAsync(HttpStatusCode.OK);
        Assert.All(empty.GetProperty("lines").EnumerateArray(), l => Assert.Equal(JsonValueKind.Null, l.GetProperty("agents").ValueKind));
        var saved = await (await coordinator.PutAsJsonAsync(Cher2017, new
        {
            counts = new[]
            {
                new { structureId = Id(empty, "Mission Locale de Bourges"), agents = 24, version = 0 },
                new { structureId = Id(empty, "Mission Locale de Vierzon"), agents = 11, version = 0 },
                new { structureId = Id(empty, "CIO de Bourges"), agents = 9, version = 0 },
            },
        })).JsonAsync(HttpStatusCode.OK);
        var missionsLocales = saved.GetProperty("totals").EnumerateArray().Single(t => t.GetProperty("typeLabel").GetString() == "Mission Locale");
        Assert.Equal((3, 2, 35), (missionsLocales.GetProperty("structures").GetInt32(), missionsLocales.GetProperty("counted").GetInt32(), missionsLocales.GetProperty("agents").GetInt32()));
        Assert.Equal(44, saved.GetProperty("agents").GetInt32());

        // Members of the territory read it; 2018 is another year.
        var member = await (await (await factory.ClientAsAsync(DemoAccounts.Member("cher"))).GetAsync(Cher2017)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(44, member.GetProperty("agents").GetInt32());
        Assert.Equal(0, (await (await coordinator.GetAsync("/api/territories/cher/network/agents/2018")).JsonAsync(HttpStatusCode.OK)).GetProperty("agents").GetInt32());
    }

    [Fact]
    public async Task A_number_changed_meanwhile_refuses_the_whole_save()
    {
        var coordinator = await factory.ClientAsAsync(DemoAccounts.CherCoordinator);
        var view = await (await coordinator.GetAsync(Cher2017)).JsonAsync(HttpStatusCode.OK);
        var ml = Id(view, "Mission Locale de Bourges");
        var cio = Id(view, "CIO de Bourges");
        await (await coordinator.PutAsJsonAsync(Cher2017, new { counts = new[] { new { structureId = ml, agents = 24, version = 0 } } })).JsonAsync(HttpStatusCode.OK);
        await (await coordinator.PutAsJsonAsync(Cher2017, new { counts = new[] { new { structureId = cio, agents = 9, version = 0 }, new { structureId = ml, agents = 30, version = 0 } } }))
            .JsonAsync(HttpStatusCode.Conflict);
        var after = await (await coordinator.GetAsync(Cher2017)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(24, after.GetProperty("agents").GetInt32()); // neither the CIO nor the new figure
    }

    [Fact]
    public async Task Bad_input_and_other_territories_are_refused()
    {
        var coordinator = await factory.ClientAsAsync(DemoAccounts.CherCoordinator);
        var blois = (await (await factory.CreateClient().GetAsync("/api/network/directory?q=cio%20blois")).JsonAsync(HttpStatusCode.OK)).GetProperty("structures")[0].GetProperty("id").GetString();
        var elsewhere = await (await coordinator.PutAsJsonAsync(Cher2017, new { counts = new[] { new { structureId = blois, agents = 3, version = 0 } } })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("structure-du-territoire", elsewhere.GetProperty("rules")[0].GetProperty("rule").GetString());
        var negative = await (await coordinator.PutAsJsonAsync(Cher2017, new { counts = new[] { new { structureId = blois, agents = -1, version = 0 } } })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("0 à 100 000", negative.GetProperty("rules")[0].GetProperty("message").GetString());
        await (await coordinator.GetAsync($"/api/territories/cher/network/agents/{DateTime.Today.Year + 1}")).JsonAsync(HttpStatusCode.BadRequest);

        await (await factory.CreateClient().GetAsync(Cher2017)).JsonAsync(HttpStatusCode.Unauthorized);
        await (await (await factory.ClientAsAsync(DemoAccounts.LoirEtCherMember)).GetAsync(Cher2017)).JsonAsync(HttpStatusCode.Forbidden);
        await (await (await factory.ClientAsAsync(DemoAccounts.Member("cher"))).PutAsJsonAsync(Cher2017, new { counts = Array.Empty<object>() })).JsonAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_page_fills_the_year_s_numbers_and_members_only_read_them()
    {
        var coordinator = await factory.ClientAsCookieAsync(DemoAccounts.CherCoordinator);
        var view = await (await (await factory.ClientAsAsync(DemoAccounts.CherCoordinator)).GetAsync(Cher2017)).JsonAsync(HttpStatusCode.OK);
        var response = await coordinator.SubmitFormAsync("/t/cher/structures/agents?annee=2017", new()
        {
            ["Lines[0].StructureId"] = Id(view, "CIO de Bourges"), ["Lines[0].Version"] = "0", ["Lines[0].Agents"] = "9",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = WebUtility.HtmlDecode(await (await factory.ClientAsCookieAsync(DemoAccounts.Member("cher"))).GetStringAsync("/t/cher/structures/agents?annee=2017"));
        Assert.Contains("non renseigné", page);
        Assert.DoesNotContain("Enregistrer les nombres d'agents", page);
    }
}

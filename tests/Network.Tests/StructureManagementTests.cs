using System.Net;
using System.Net.Http.Json;
using SproHub.Testing;
using Xunit;

namespace Network.Tests;

/// <summary>A coordinator keeps their local SPRO's structures; the Région all of them; nobody else.</summary>
[Collection(SharedPlatform.Name)]
public sealed class StructureManagementTests(SproHubFactory factory) : IAsyncLifetime
{
    private const string Cher = "/api/territories/cher/network/structures";

    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static object Body(string name, string? type = "PointA", int version = 0) =>
        new { name, type, town = "Saint-Florent-sur-Cher", address = "1 place de la Mairie", @public = new[] { "Jeunes", "DemandeursEmploi" }, version };

    [Fact]
    public async Task The_coordinator_adds_a_structure_that_the_directory_then_finds_by_its_public()
    {
        var coordinator = await factory.ClientAsAsync(DemoAccounts.CherCoordinator);
        var created = await (await coordinator.PostAsJsonAsync(Cher, Body("Point A de Saint-Florent"))).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(["Jeunes", "DemandeursEmploi"], created.GetProperty("public").EnumerateArray().Select(p => p.GetString()));

        var found = await (await factory.CreateClient().GetAsync("/api/network/directory?q=florent&public=DemandeursEmploi")).JsonAsync(HttpStatusCode.OK);
        var entry = Assert.Single(found.GetProperty("structures").EnumerateArray());
        Assert.Equal("1 place de la Mairie", entry.GetProperty("address").GetString());
        Assert.Empty((await (await factory.CreateClient().GetAsync("/api/network/directory?q=florent&public=Cadres")).JsonAsync(HttpStatusCode.OK)).GetProperty("structures").EnumerateArray());
        Assert.Contains("Personnes handicapées", WebUtility.HtmlDecode(await factory.CreateClient().GetStringAsync("/annuaire?public=PersonnesHandicapees&territoire=cher")) );
    }

    [Fact]
    public async Task Edits_carry_the_version_read_and_a_stale_one_is_refused()
    {
        var coordinator = await factory.ClientAsAsync(DemoAccounts.CherCoordinator);
        var created = await (await coordinator.PostAsJsonAsync(Cher, Body("Point A de Saint-Florent"))).JsonAsync(HttpStatusCode.Created);
        var url = $"{Cher}/{created.GetProperty("id").GetString()}";
        var edited = await (await coordinator.PutAsJsonAsync(url, Body("Point A de Saint-Florent-sur-Cher", version: 1))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, edited.GetProperty("version").GetInt32());
        await (await coordinator.PutAsJsonAsync(url, Body("Autre nom", version: 1))).JsonAsync(HttpStatusCode.Conflict);
        await (await coordinator.PutAsJsonAsync(url, Body("Sans version"))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Point A de Saint-Florent-sur-Cher", (await (await coordinator.GetAsync(url)).JsonAsync(HttpStatusCode.OK)).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Bad_input_names_the_field_and_the_rule_and_adds_nothing()
    {
        var coordinator = await factory.ClientAsAsync(DemoAccounts.CherCoordinator);
        var before = await factory.CreateClient().GetStringAsync("/api/network/directory?territory=cher");
        var noType = await (await coordinator.PostAsJsonAsync(Cher, Body("Sans type", type: null))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains(noType.GetProperty("rules").EnumerateArray(), r => r.GetProperty("field").GetString() == "type");
        var twice = await (await coordinator.PostAsJsonAsync(Cher, Body("CIO de Bourges", "Cio"))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains(twice.GetProperty("rules").EnumerateArray(), r => r.GetProperty("rule").GetString() == "structure-unique");
        Assert.Equal(before, await factory.CreateClient().GetStringAsync("/api/network/directory?territory=cher"));
    }

    [Fact]
    public async Task Nobody_else_adds_or_edits_a_structure_of_Cher()
    {
        await (await factory.CreateClient().PostAsJsonAsync(Cher, Body("Anonyme"))).JsonAsync(HttpStatusCode.Unauthorized);
        await (await (await factory.ClientAsAsync(DemoAccounts.Member("cher"))).PostAsJsonAsync(Cher, Body("Par un membre"))).JsonAsync(HttpStatusCode.Forbidden);
        var elsewhere = await factory.ClientAsAsync(DemoAccounts.LoirEtCherCoordinator);
        await (await elsewhere.PostAsJsonAsync(Cher, Body("D'ailleurs"))).JsonAsync(HttpStatusCode.Forbidden);

        // Through their own territory's address, Loir-et-Cher's coordinator still cannot reach a structure of Cher.
        var cio = (await (await factory.CreateClient().GetAsync("/api/network/directory?q=cio%20bourges")).JsonAsync(HttpStatusCode.OK)).GetProperty("structures")[0].GetProperty("id").GetString();
        await (await elsewhere.PutAsJsonAsync($"/api/territories/loir-et-cher/network/structures/{cio}", Body("Détournée", "Cio", 1))).JsonAsync(HttpStatusCode.NotFound);
        var admin = await factory.ClientAsAsync(DemoAccounts.RegionAdmin);
        await (await admin.PostAsJsonAsync(Cher, Body("Point A de Vierzon"))).JsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_form_adds_a_structure_and_is_closed_to_members()
    {
        var coordinator = await factory.ClientAsCookieAsync(DemoAccounts.CherCoordinator);
        var response = await coordinator.SubmitFormAsync("/t/cher/structures/edition", new()
        {
            ["Structure.Name"] = "PIJ de Mehun-sur-Yèvre", ["Structure.Type"] = "Pij", ["Structure.Town"] = "Mehun-sur-Yèvre", ["Structure.Public"] = "Jeunes",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Matches("/t/cher/structures/edition/[0-9a-f-]{36}", response.Headers.Location!.OriginalString);
        var refused = await coordinator.SubmitFormAsync("/t/cher/structures/edition", new() { ["Structure.Name"] = "", ["Structure.Town"] = "Bourges" });
        Assert.Contains("Nommez la structure.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.ClientAsCookieAsync(DemoAccounts.Member("cher"))).GetAsync("/t/cher/structures/edition")).StatusCode);
    }
}

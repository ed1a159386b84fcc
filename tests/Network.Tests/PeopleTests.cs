using System.Net;
using System.Net.Http.Json;
using SproHub.Testing;
using Xunit;

namespace Network.Tests;

/// <summary>The agents of a local SPRO's structures: internal to its network, kept by its coordinator.</summary>
[Collection(SharedPlatform.Name)]
public sealed class PeopleTests(SproHubFactory factory) : IAsyncLifetime
{
    private const string Cher = "/api/territories/cher/network/people";

    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<string> StructureAsync(string query) =>
        (await (await factory.CreateClient().GetAsync($"/api/network/directory?{query}")).JsonAsync(HttpStatusCode.OK)).GetProperty("structures")[0].GetProperty("id").GetString()!;

    [Fact]
    public async Task The_coordinator_adds_and_edits_agents_and_the_territory_s_members_read_them()
    {
        var coordinator = await factory.ClientAsAsync(DemoAccounts.CherCoordinator);
        var cio = await StructureAsync("q=cio%20bourges");
        var added = await (await coordinator.PostAsJsonAsync(Cher, new { firstName = "Léa", lastName = "Roux", email = "l.roux@cio-bourges.exemple.fr", function = "Psychologue de l'Éducation nationale", structureId = cio }))
            .JsonAsync(HttpStatusCode.Created);
        var id = added.GetProperty("id").GetString();
        await (await coordinator.PutAsJsonAsync($"{Cher}/{id}", new { firstName = "Léa", lastName = "Roux-Durand", email = "l.roux@cio-bourges.exemple.fr", structureId = cio, version = 1 })).JsonAsync(HttpStatusCode.OK);
        await (await coordinator.PutAsJsonAsync($"{Cher}/{id}", new { firstName = "Léa", lastName = "Roux", structureId = cio, version = 1 })).JsonAsync(HttpStatusCode.Conflict);

        var member = await (await (await factory.ClientAsAsync(DemoAccounts.Member("cher"))).GetAsync($"{Cher}?structureId={cio}")).JsonAsync(HttpStatusCode.OK);
        var person = Assert.Single(member.EnumerateArray());
        Assert.Equal("Roux-Durand", person.GetProperty("lastName").GetString());
        Assert.Null(person.GetProperty("function").GetString());
        Assert.Contains("Roux-Durand", WebUtility.HtmlDecode(await (await factory.ClientAsCookieAsync(DemoAccounts.Member("cher"))).GetStringAsync("/t/cher/personnes")));
    }

    [Fact]
    public async Task Nobody_makes_himself_an_agent_of_a_structure()
    {
        // An agent's rights follow his structure (signing, the carrier's budget): the coordinator cannot record himself at the carrier.
        var coordinator = await factory.ClientAsAsync(DemoAccounts.CherCoordinator);
        var carrier = await StructureAsync("q=mission%20locale%20bourges");
        var self = await (await coordinator.PostAsJsonAsync(Cher, new { firstName = "Moi", lastName = "Même", email = DemoAccounts.CherCoordinator.ToUpperInvariant(), structureId = carrier }))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(("email", "soi-meme"), (self.GetProperty("rules")[0].GetProperty("field").GetString(), self.GetProperty("rules")[0].GetProperty("rule").GetString()));
        // Nor hand his own fiche the signing right; the Région can.
        var region = await factory.ClientAsAsync(DemoAccounts.RegionAdmin);
        var added = await (await region.PostAsJsonAsync(Cher, new { firstName = "Hugo", lastName = "Berthier", email = DemoAccounts.CherCoordinator, structureId = carrier })).JsonAsync(HttpStatusCode.Created);
        var sign = await (await coordinator.PutAsJsonAsync($"{Cher}/{added.GetProperty("id").GetString()}", new { firstName = "Hugo", lastName = "Berthier", email = DemoAccounts.CherCoordinator, structureId = carrier, version = 1, maySign = true }))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("soi-meme", sign.GetProperty("rules")[0].GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Refusals_name_the_field_and_another_territory_never_reads_or_writes()
    {
        var coordinator = await factory.ClientAsAsync(DemoAccounts.CherCoordinator);
        var cio = await StructureAsync("q=cio%20bourges");
        var blois = await StructureAsync("q=cio%20blois");
        var elsewhere = await (await coordinator.PostAsJsonAsync(Cher, new { firstName = "A", lastName = "B", structureId = blois })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("structure-du-territoire", elsewhere.GetProperty("rules")[0].GetProperty("rule").GetString());
        await (await coordinator.PostAsJsonAsync(Cher, new { firstName = "A", lastName = "B", email = "a.b@exemple.fr", structureId = cio })).JsonAsync(HttpStatusCode.Created);
        var twice = await (await coordinator.PostAsJsonAsync(Cher, new { firstName = "C", lastName = "D", email = "a.b@exemple.fr", structureId = cio })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("personne-unique", twice.GetProperty("rules")[0].GetProperty("rule").GetString());
        var noName = await (await coordinator.PostAsJsonAsync(Cher, new { firstName = "", lastName = "B", structureId = cio })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("firstName", noName.GetProperty("rules")[0].GetProperty("field").GetString());

        await (await factory.CreateClient().GetAsync(Cher)).JsonAsync(HttpStatusCode.Unauthorized);
        await (await (await factory.ClientAsAsync(DemoAccounts.LoirEtCherMember)).GetAsync(Cher)).JsonAsync(HttpStatusCode.Forbidden);
        await (await (await factory.ClientAsAsync(DemoAccounts.Member("cher"))).PostAsJsonAsync(Cher, new { firstName = "A", lastName = "B", structureId = cio })).JsonAsync(HttpStatusCode.Forbidden);
        // Loir-et-Cher's view of its own territory does not include Cher's agents.
        var loirEtCher = await (await (await factory.ClientAsAsync(DemoAccounts.LoirEtCherCoordinator)).GetAsync("/api/territories/loir-et-cher/network/people")).JsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(loirEtCher.EnumerateArray(), p => p.GetProperty("email").GetString() == "a.b@exemple.fr");
    }
}

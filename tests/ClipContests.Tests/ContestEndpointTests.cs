using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SproHub.Plugins.ClipContests.Data;
using SproHub.Shared.Territories;
using SproHub.Testing;
using Xunit;
using static ClipContests.Tests.ClipApi;

namespace ClipContests.Tests;

/// <summary>Editions and teams through the real host: who may do what, and bad input refused with its rule, nothing stored.</summary>
[Collection(SharedPlatform.Name)]
public sealed class ContestEndpointTests(SproHubFactory factory) : IAsyncLifetime
{
    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private DateOnly Today => ParisTime.Today(factory.Clock);

    private Task<int> CountAsync<T>(Func<ClipContestsDbContext, IQueryable<T>> query) => factory.InTerritoryAsync(Territory, services =>
        query(services.GetRequiredService<ClipContestsDbContext>()).CountAsync());

    private object EditionBody(int year, Guid structure, int filmingDays = 60) => new
    {
        year, title = "Clip moi un métier", themes = new[] { "Alternance", "Égalité entre les femmes et les hommes" },
        registrationEnds = Today.AddDays(20), filmingEnds = Today.AddDays(filmingDays), submissionEnds = Today.AddDays(90), juryStarts = Today.AddDays(95), juryEnds = Today.AddDays(100),
        partners = new[] { new { structureId = structure, role = "FormsYouthTeams" } },
    };

    [Fact]
    public async Task The_coordinator_opens_an_edition_and_a_refused_one_changes_nothing()
    {
        var coordinator = await factory.ClientAsAsync(Coordinator);
        var structure = await StructureAsync(coordinator, "FormsYouthTeams", Today.Year);
        var editions = await CountAsync(db => db.Editions);

        var disordered = await (await coordinator.PostAsJsonAsync(Url("editions"), EditionBody(Today.Year + 1, structure, filmingDays: 10))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("filmingEnds:calendrier-ordonne", disordered.Rules());
        var cherStructure = await StructureAsync(await factory.ClientAsAsync(DemoAccounts.CherCoordinator), "FormsYouthTeams", Today.Year, "cher");
        var foreign = await (await coordinator.PostAsJsonAsync(Url("editions"), EditionBody(Today.Year + 1, cherStructure))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("partners[0].structureId:structure-du-territoire", foreign.Rules());
        var twice = await (await coordinator.PostAsJsonAsync(Url("editions"), EditionBody(Today.Year, structure))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("year:edition-unique", twice.Rules());
        // Every required member there (their absence is refused before the rules), the title and lists empty.
        var empty = await (await coordinator.PostAsJsonAsync(Url("editions"), new
        {
            year = Today.Year + 1, title = "", themes = Array.Empty<string>(), registrationEnds = Today.AddDays(30), filmingEnds = Today.AddDays(60),
            submissionEnds = Today.AddDays(70), juryStarts = Today.AddDays(80), juryEnds = Today.AddDays(85),
        })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains(empty.Rules(), r => r.StartsWith("title:"));
        Assert.Contains(empty.Rules(), r => r.StartsWith("partners:"));
        Assert.Equal(editions, await CountAsync(db => db.Editions));

        // Only the coordination opens one; elsewhere, or where the plugin is off, it does not exist.
        var refused = await (await (await factory.ClientAsAsync(Agent)).PostAsJsonAsync(Url("editions"), EditionBody(Today.Year + 1, structure))).JsonAsync(HttpStatusCode.Forbidden);
        Assert.Contains("« Piloter le concours de clips", refused.GetProperty("detail").GetString()); // the permission as people read it, not its id
        await (await factory.CreateClient().GetAsync(Url("editions"))).JsonAsync(HttpStatusCode.Unauthorized);
        await (await (await factory.ClientAsAsync(DemoAccounts.Coordinator("orleans"))).GetAsync(Url("editions", "orleans"))).JsonAsync(HttpStatusCode.NotFound);

        var opened = await (await coordinator.PostAsJsonAsync(Url("editions"), EditionBody(Today.Year + 1, structure))).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("Registration", opened.GetProperty("phase").GetString());
        Assert.Equal("forme des équipes de jeunes", opened.GetProperty("partners")[0].GetProperty("roleLabel").GetString());
        var list = await (await coordinator.GetAsync(Url("editions"))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal([Today.Year + 1, Today.Year, Today.Year - 1], list.EnumerateArray().Select(e => e.GetProperty("year").GetInt32()));
        // Cher's coordinator sees Cher's edition only.
        var cher = await (await (await factory.ClientAsAsync(DemoAccounts.CherCoordinator)).GetAsync(Url("editions", "cher"))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["Vidéos métiers"], cher.EnumerateArray().Select(e => e.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task An_agent_registers_a_team_of_three_to_five_and_only_its_lead_and_the_coordination_manage_it()
    {
        var agent = await factory.ClientAsAsync(Agent);
        var structure = await StructureAsync(agent, "FormsYouthTeams", Today.Year);
        var teams = await CountAsync(db => db.Teams);

        var tooSmall = await (await agent.PostAsJsonAsync(Url($"editions/{Today.Year}/teams"), new { name = "Duo", structureId = structure, participants = new[] { Adult("Ana", Today), Adult("Bilal", Today) } }))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("participants:taille-equipe", tooSmall.Rules());
        var minor = await (await agent.PostAsJsonAsync(Url($"editions/{Today.Year}/teams"), new
        {
            name = "Les Cadreurs", structureId = structure, participants = new[] { Adult("Ana", Today), Adult("Bilal", Today), Minor("Chloé", Today, null) },
        })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("participants[2].parentConsentOn:consentement-parental", minor.Rules());
        var schools = await StructureAsync(agent, "FederatesSchools", Today.Year);
        var rooms = await (await agent.PostAsJsonAsync(Url($"editions/{Today.Year}/teams"), new { name = "X", structureId = Guid.NewGuid(), participants = new[] { Adult("A", Today), Adult("B", Today), Adult("C", Today) } }))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("structureId:structure-partenaire", rooms.Rules());
        Assert.Equal(teams, await CountAsync(db => db.Teams));
        Assert.NotEqual(Guid.Empty, schools);

        var team = await (await agent.PostAsJsonAsync(Url($"editions/{Today.Year}/teams"), new
        {
            name = "Les Cadreurs", structureId = structure, participants = new[] { Adult("Ana", Today), Adult("Bilal", Today), Minor("Chloé", Today, Today.AddDays(-2)) },
        })).JsonAsync(HttpStatusCode.Created);
        var id = team.GetProperty("id").GetGuid();
        Assert.Equal(3, team.GetProperty("participants").GetArrayLength());
        Assert.Contains(team.GetProperty("participants").EnumerateArray(), p => p.GetProperty("minor").GetBoolean());
        var duplicate = await (await agent.PostAsJsonAsync(Url($"editions/{Today.Year}/teams"), new { name = "Les Cadreurs", structureId = structure, participants = new[] { Adult("A", Today), Adult("B", Today), Adult("C", Today) } }))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("name:nom-equipe-unique", duplicate.Rules());

        // The lead changes it with the version read; a stale version is a conflict.
        var version = team.GetProperty("version").GetInt32();
        var added = await (await agent.PostAsJsonAsync(Url($"teams/{id}/participants"), new { participant = Adult("Dylan", Today), version })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(4, added.GetProperty("participants").GetArrayLength());
        await (await agent.PostAsJsonAsync(Url($"teams/{id}/participants"), new { participant = Adult("Eva", Today), version })).JsonAsync(HttpStatusCode.Conflict);
        var removed = added.GetProperty("participants")[0].GetProperty("id").GetGuid();
        await (await agent.DeleteAsync(Url($"teams/{id}/participants/{removed}?version={added.GetProperty("version").GetInt32()}"))).JsonAsync(HttpStatusCode.OK);

        // The coordination reads it; the edition shows its size to every agent of the territory, names to nobody else.
        var coordinator = await factory.ClientAsAsync(Coordinator);
        await (await coordinator.GetAsync(Url($"teams/{id}"))).JsonAsync(HttpStatusCode.OK);
        var reads = await factory.InScopeAsync(services => services.GetRequiredService<SproHub.Host.Platform.Data.PlatformDbContext>().AuditLog
            .CountAsync(a => a.Action == "equipe.consultee" && a.EntityId == id.ToString()));
        Assert.Equal(1, reads); // the participants (a minor among them) are read on the record
        var edition = await (await coordinator.GetAsync(Url($"editions/{Today.Year}"))).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(edition.GetProperty("teams").EnumerateArray(), t => t.GetProperty("name").GetString() == "Les Cadreurs" && t.GetProperty("participantCount").GetInt32() == 3);
        await (await (await factory.ClientAsAsync(DemoAccounts.CherCoordinator)).GetAsync(Url($"teams/{id}", "cher"))).JsonAsync(HttpStatusCode.NotFound);
        await (await (await factory.ClientAsAsync(DemoAccounts.CherCoordinator)).GetAsync(Url($"teams/{id}"))).JsonAsync(HttpStatusCode.Forbidden);
        await (await factory.CreateClient().GetAsync(Url($"teams/{id}"))).JsonAsync(HttpStatusCode.Unauthorized);

        // In Cher, the demo team's lead manages it; another agent of Cher does not.
        var cherEdition = await (await (await factory.ClientAsAsync(DemoAccounts.Member("cher"))).GetAsync(Url($"editions/{Today.Year}", "cher"))).JsonAsync(HttpStatusCode.OK);
        var cherTeam = cherEdition.GetProperty("teams")[0];
        Assert.True(cherTeam.GetProperty("mayManage").GetBoolean());
        var otherAgent = await factory.ClientAsAsync("conseil@cher.demo");
        await (await otherAgent.GetAsync(Url($"teams/{cherTeam.GetProperty("id").GetGuid()}", "cher"))).JsonAsync(HttpStatusCode.Forbidden);
        var seenByOther = await (await otherAgent.GetAsync(Url($"editions/{Today.Year}", "cher"))).JsonAsync(HttpStatusCode.OK);
        Assert.False(seenByOther.GetProperty("teams")[0].GetProperty("mayManage").GetBoolean());

        // Registrations close at their date.
        var year = Today.Year;
        factory.Clock.Advance(TimeSpan.FromDays(31));
        agent = await factory.ClientAsAsync(Agent); // a new sign-in: tokens last less than a month
        var late = await (await agent.PostAsJsonAsync(Url($"editions/{year}/teams"), new { name = "Tardifs", structureId = structure, participants = new[] { Adult("A", Today), Adult("B", Today), Adult("C", Today) } }))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("editionId:inscriptions-closes", late.Rules());
    }

    [Fact]
    public async Task The_coordinator_moves_a_deadline_with_the_version_read_and_sets_the_grid_until_the_jury_opens()
    {
        var year = Today.Year;
        var coordinator = await factory.ClientAsAsync(Coordinator);
        var edition = await (await coordinator.GetAsync(Url($"editions/{year}"))).JsonAsync(HttpStatusCode.OK);
        var version = edition.GetProperty("version").GetInt32();
        object Body(int registrationDays, string[] themes, int v) => new
        {
            title = "Clip moi un métier", themes, registrationEnds = Today.AddDays(registrationDays), filmingEnds = Today.AddDays(90), submissionEnds = Today.AddDays(120),
            juryStarts = Today.AddDays(130), juryEnds = Today.AddDays(145), version = v,
        };
        var disordered = await (await coordinator.PutAsJsonAsync(Url($"editions/{year}"), Body(100, ["Alternance"], version))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("filmingEnds:calendrier-ordonne", disordered.Rules());
        var agent = await factory.ClientAsAsync(Agent);
        await (await agent.PutAsJsonAsync(Url($"editions/{year}"), Body(40, ["Alternance"], version))).JsonAsync(HttpStatusCode.Forbidden);
        var team = (await RegisterAsync(agent, year, Today)).GetProperty("id").GetGuid();
        await (await agent.PutAsJsonAsync(Url($"teams/{team}/project"), new { job = "Boulangère", theme = "Alternance", version = 1 })).JsonAsync(HttpStatusCode.OK);
        var inUse = await (await coordinator.PutAsJsonAsync(Url($"editions/{year}"), Body(40, ["Lutte contre les discriminations"], version))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("themes:theme-utilise", inUse.Rules());

        var moved = await (await coordinator.PutAsJsonAsync(Url($"editions/{year}"), Body(40, ["Alternance", "Mixité des métiers"], version))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(Today.AddDays(40).ToString("yyyy-MM-dd"), moved.GetProperty("calendar").GetProperty("registrationEnds").GetString());
        await (await coordinator.PutAsJsonAsync(Url($"editions/{year}"), Body(35, ["Alternance"], version))).JsonAsync(HttpStatusCode.Conflict);

        // The grid: criteria and weights, refused when malformed, frozen once the jury opens.
        var grid = await (await coordinator.PutAsJsonAsync(Url($"editions/{year}/jury/grid"), new { criteria = new[] { new { name = "Message", weight = 60 }, new { name = "Image", weight = 40 } } }))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, grid.GetArrayLength());
        var malformed = await (await coordinator.PutAsJsonAsync(Url($"editions/{year}/jury/grid"), new { criteria = new[] { new { name = "Message", weight = 0 } } })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("criteria[0].weight:grille", malformed.Rules());
        factory.Clock.Advance(TimeSpan.FromDays(130));
        coordinator = await factory.ClientAsAsync(Coordinator);
        var frozen = await (await coordinator.PutAsJsonAsync(Url($"editions/{year}/jury/grid"), new { criteria = new[] { new { name = "Message", weight = 100 } } })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("criteria:grille-figee", frozen.Rules());
    }

    [Fact]
    public async Task The_coordination_registers_a_team_for_an_agent_with_an_account_and_an_agent_only_for_themself()
    {
        var year = Today.Year;
        var coordinator = await factory.ClientAsAsync(Coordinator);
        var structure = await StructureAsync(coordinator, "FormsYouthTeams", year);
        object Body(string name, string lead) => new { name, structureId = structure, leadEmail = lead, participants = new[] { Adult("Ana", Today), Adult("Bilal", Today), Adult("Chloé", Today) } };

        var unknown = await (await coordinator.PostAsJsonAsync(Url($"editions/{year}/teams"), Body("Sans compte", "personne@exemple.fr"))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("leadEmail:compte-existant", unknown.Rules());
        await (await (await factory.ClientAsAsync(Agent)).PostAsJsonAsync(Url($"editions/{year}/teams"), Body("Pour un autre", Coordinator))).JsonAsync(HttpStatusCode.Forbidden);

        var team = await (await coordinator.PostAsJsonAsync(Url($"editions/{year}/teams"), Body("Pour l'agent", Agent))).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(Agent, team.GetProperty("leadEmail").GetString());
        // The agent leads it: the team is theirs to manage.
        await (await (await factory.ClientAsAsync(Agent)).GetAsync(Url($"teams/{team.GetProperty("id").GetGuid()}"))).JsonAsync(HttpStatusCode.OK);
    }
}

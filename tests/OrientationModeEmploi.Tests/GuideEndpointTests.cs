using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SproHub.Plugins.OrientationModeEmploi.Data;
using SproHub.Shared.Data;
using SproHub.Shared.Network;
using SproHub.Testing;
using Xunit;
using static OrientationModeEmploi.Tests.ModeEmploiApi;

namespace OrientationModeEmploi.Tests;

/// <summary>The guide through the real host on a real database, reset by Respawn before each test.</summary>
[Collection(SharedPlatform.Name)]
public sealed class GuideEndpointTests(SproHubFactory factory) : IAsyncLifetime
{
    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Reception_staff_read_the_guide_with_the_structures_of_the_core_directory()
    {
        var guide = await GuideAsync(await factory.ClientAsAsync(DemoAccounts.IndreEtLoireMember));
        Assert.Equal("SPRO d'Indre-et-Loire", guide.GetProperty("territoryName").GetString());
        var handicap = Questions(guide).Single(q => q.GetProperty("text").GetString() == "J'ai un handicap et je cherche un emploi");
        Assert.Equal(["Cap emploi de Tours"], handicap.GetProperty("principal").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Contains("France Travail de Tours", handicap.GetProperty("secondary").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Contains(guide.GetProperty("sheets").EnumerateObject(), s => s.Value.GetProperty("answer").GetString()!.Contains("handicapées"));
    }

    [Fact]
    public async Task The_search_answers_as_one_types_and_counts_only_what_is_recorded()
    {
        var member = await factory.ClientAsAsync(DemoAccounts.IndreEtLoireMember);
        var found = await SearchAsync(member, "apprentis");
        Assert.Equal("Comment trouver un contrat d'apprentissage ?", found.GetProperty("questions")[0].GetProperty("text").GetString());
        Assert.Equal("Cap emploi de Tours", (await SearchAsync(member, "RQTH")).GetProperty("questions")[0].GetProperty("principal")[0].GetProperty("name").GetString());

        var coordinator = await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCoordinator);
        await SearchAsync(member, "garde d'enfants");                 // typing: not counted
        await SearchAsync(member, "Garde d'enfants", record: true);   // settled: counted, twice
        await SearchAsync(member, "garde des enfants", record: true);
        await SearchAsync(member, "apprentissage", record: true);     // answered: not in the list
        var unanswered = await (await coordinator.GetAsync($"{Api}/unanswered-searches")).JsonAsync(HttpStatusCode.OK);
        var garde = Assert.Single(unanswered.EnumerateArray());
        Assert.Equal(2, garde.GetProperty("count").GetInt32());
        Assert.Equal("garde des enfants", garde.GetProperty("lastTyped").GetString());

        await (await coordinator.DeleteAsync($"{Api}/unanswered-searches/{garde.GetProperty("id").GetString()}")).JsonAsync(HttpStatusCode.NoContent);
        Assert.Empty((await (await coordinator.GetAsync($"{Api}/unanswered-searches")).JsonAsync(HttpStatusCode.OK)).EnumerateArray());
    }

    [Fact]
    public async Task Desks_searching_the_same_missing_words_at_once_are_all_counted()
    {
        var member = await factory.ClientAsAsync(DemoAccounts.IndreEtLoireMember);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => SearchAsync(member, "garde d'enfants le soir", record: true)));
        var coordinator = await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCoordinator);
        var row = Assert.Single((await (await coordinator.GetAsync($"{Api}/unanswered-searches")).JsonAsync(HttpStatusCode.OK)).EnumerateArray());
        Assert.Equal(8, row.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Recorded_searches_feed_the_plugin_s_indicators_through_its_outbox()
    {
        var member = await factory.ClientAsAsync(DemoAccounts.IndreEtLoireMember);
        await SearchAsync(member, "apprentissage", record: true);
        await SearchAsync(member, "permis bateau", record: true);
        var payloads = await factory.InTerritoryAsync(Territory, services =>
            services.GetRequiredService<OrientationModeEmploiDbContext>().Set<OutboxMessage>().Select(m => m.Payload).ToListAsync());
        var indicators = payloads.Select(p => JsonDocument.Parse(p).RootElement.EnumerateObject()
            .Single(e => e.Name.Equals("indicatorCode", StringComparison.OrdinalIgnoreCase)).Value.GetString()).ToList();
        Assert.Equal(2, indicators.Count(c => c == "searches"));
        Assert.Equal(1, indicators.Count(c => c == "unanswered-searches"));
    }

    [Fact]
    public async Task The_coordinator_adds_a_question_and_reception_finds_it_at_once()
    {
        var coordinator = await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCoordinator);
        var member = await factory.ClientAsAsync(DemoAccounts.IndreEtLoireMember);
        Assert.Empty((await SearchAsync(member, "garder enfants")).GetProperty("questions").EnumerateArray()); // the guide is now kept in memory
        var guide = await GuideAsync(coordinator);
        var created = await (await CreateQuestionAsync(coordinator, ThemeId(guide, "Vie quotidienne"), "Qui peut m'aider à faire garder mes enfants pendant une formation ?",
            (StructureId(guide, "Mission Locale de Tours"), "Principal"), (StructureId(guide, "BIJ de Tours"), "Secondary"))).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("Mission Locale de Tours", created.GetProperty("principal")[0].GetProperty("name").GetString());

        var found = await SearchAsync(member, "garder enfants"); // its stamp changed with the question: read again
        Assert.Equal(created.GetProperty("id").GetString(), found.GetProperty("questions")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Refused_questions_name_the_field_and_rule_and_change_nothing()
    {
        var coordinator = await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCoordinator);
        var guide = await GuideAsync(coordinator);
        var before = await coordinator.GetStringAsync($"{Api}/guide");
        var theme = ThemeId(guide, "Emploi");
        var cio = StructureId(guide, "CIO de Tours");

        async Task Refused(HttpResponseMessage response, string field, string rule)
        {
            var problem = await response.JsonAsync(HttpStatusCode.BadRequest);
            Assert.Contains(problem.GetProperty("rules").EnumerateArray(), r => r.GetProperty("field").GetString() == field && r.GetProperty("rule").GetString() == rule);
        }
        await Refused(await CreateQuestionAsync(coordinator, theme, "Sans principale", (cio, "Secondary")), "answerers", "structure-principale");
        await Refused(await CreateQuestionAsync(coordinator, theme, "Deux fois", (cio, "Principal"), (cio, "Secondary")), "answerers", "structure-unique");
        var cherStructure = (await factory.InScopeAsync(s => s.GetRequiredService<IStructureDirectory>().ListAsync("cher")))[0].Id.ToString();
        await Refused(await CreateQuestionAsync(coordinator, theme, "Ailleurs", (cherStructure, "Principal")), "answerers", "structure-du-territoire");
        await Refused(await CreateQuestionAsync(coordinator, Guid.NewGuid().ToString(), "Thème inconnu", (cio, "Principal")), "themeId", "theme-connu");
        await Refused(await CreateQuestionAsync(coordinator, theme, "", (cio, "Principal")), "text", "obligatoire");
        await Refused(await coordinator.PostAsJsonAsync($"{Api}/themes", new { name = "Emploi" }), "name", "theme-unique");

        Assert.Equal(before, await coordinator.GetStringAsync($"{Api}/guide"));
    }

    [Fact]
    public async Task Concurrent_edits_of_a_question_do_not_overwrite_each_other()
    {
        var coordinator = await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCoordinator);
        var guide = await GuideAsync(coordinator);
        var question = Questions(guide).Single(q => q.GetProperty("text").GetString() == "Je cherche un emploi");
        var id = question.GetProperty("id").GetString();
        var version = question.GetProperty("version").GetInt32();
        var body = (string text, string role) => new
        {
            themeId = question.GetProperty("themeId").GetString(), text, version,
            answerers = new[] { new { structureId = StructureId(guide, "France Travail de Tours"), role } },
        };
        var first = await (await coordinator.PutAsJsonAsync($"{Api}/questions/{id}", body("Je cherche un emploi", "Principal"))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(version + 1, first.GetProperty("version").GetInt32()); // only its structures changed: still a new version
        var second = await (await coordinator.PutAsJsonAsync($"{Api}/questions/{id}", body("Je cherche du travail", "Principal"))).JsonAsync(HttpStatusCode.Conflict);
        Assert.Contains("modifié par quelqu'un d'autre", second.GetProperty("detail").GetString());
        Assert.Empty(first.GetProperty("secondary").EnumerateArray());
        Assert.Contains(Questions(await GuideAsync(coordinator)), q => q.GetProperty("text").GetString() == "Je cherche un emploi");
    }

    [Fact]
    public async Task Themes_are_renamed_with_their_version_and_only_an_empty_one_is_deleted()
    {
        var coordinator = await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCoordinator);
        var guide = await GuideAsync(coordinator);
        var handicap = guide.GetProperty("themes").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "Handicap");
        var id = handicap.GetProperty("id").GetString();
        var version = handicap.GetProperty("version").GetInt32();

        var full = await (await coordinator.DeleteAsync($"{Api}/themes/{id}?version={version}")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("theme-vide", full.GetProperty("rules")[0].GetProperty("rule").GetString());
        var renamed = await (await coordinator.PutAsJsonAsync($"{Api}/themes/{id}", new { name = "Handicap et santé", position = 9, version })).JsonAsync(HttpStatusCode.OK);
        await (await coordinator.PutAsJsonAsync($"{Api}/themes/{id}", new { name = "Handicap", position = 9, version })).JsonAsync(HttpStatusCode.Conflict);

        // Its only question deleted (with the version read), the theme goes too.
        var question = Questions(guide).Single(q => q.GetProperty("themeId").GetString() == id);
        await (await coordinator.DeleteAsync($"{Api}/questions/{question.GetProperty("id").GetString()}?version=99")).JsonAsync(HttpStatusCode.Conflict);
        await (await coordinator.DeleteAsync($"{Api}/questions/{question.GetProperty("id").GetString()}?version={question.GetProperty("version").GetInt32()}")).JsonAsync(HttpStatusCode.NoContent);
        await (await coordinator.DeleteAsync($"{Api}/themes/{id}?version={renamed.GetProperty("version").GetInt32()}")).JsonAsync(HttpStatusCode.NoContent);
        Assert.DoesNotContain((await GuideAsync(coordinator)).GetProperty("themes").EnumerateArray(), t => t.GetProperty("id").GetString() == id);
        await (await (await factory.ClientAsAsync(DemoAccounts.IndreEtLoireMember)).DeleteAsync($"{Api}/themes/{Guid.NewGuid()}?version=1")).JsonAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_structure_sheet_is_written_then_edited_with_its_version()
    {
        var coordinator = await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCoordinator);
        var bij = StructureId(await GuideAsync(coordinator), "BIJ de Tours");
        var created = await (await coordinator.PutAsJsonAsync($"{Api}/structures/{bij}/sheet", new { answer = "Information jeunesse : logement, jobs, mobilité.", contact = "02 47 00 00 70" })).JsonAsync(HttpStatusCode.OK);
        await (await coordinator.PutAsJsonAsync($"{Api}/structures/{bij}/sheet", new { answer = "Sans version" })).JsonAsync(HttpStatusCode.Conflict);
        var edited = await (await coordinator.PutAsJsonAsync($"{Api}/structures/{bij}/sheet", new { answer = "Information jeunesse.", version = created.GetProperty("version").GetInt32() })).JsonAsync(HttpStatusCode.OK);
        Assert.Null(edited.GetProperty("contact").GetString());
        var page = await (await coordinator.GetAsync($"{Api}/structures/{bij}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Information jeunesse.", page.GetProperty("sheet").GetProperty("answer").GetString());
        await (await coordinator.PutAsJsonAsync($"{Api}/structures/{bij}/sheet", new { answer = "" , version = 2 })).JsonAsync(HttpStatusCode.BadRequest);
    }
}

using System.Net;
using SproHub.Testing;
using Xunit;
using static OrientationModeEmploi.Tests.ModeEmploiApi;

namespace OrientationModeEmploi.Tests;

/// <summary>The pages without a browser: the search without JavaScript, and the coordinator's forms and their refusals.</summary>
[Collection(SharedPlatform.Name)]
public sealed class GuidePageTests(SproHubFactory factory) : IAsyncLifetime
{
    private const string Reception = $"/t/{Territory}/mode-emploi";
    private const string Management = $"/t/{Territory}/mode-emploi/gestion";

    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Without_JavaScript_the_search_form_answers_with_the_page_and_counts_the_search()
    {
        var member = await factory.ClientAsCookieAsync(DemoAccounts.IndreEtLoireMember);
        var page = WebUtility.HtmlDecode(await member.GetStringAsync($"{Reception}?q=VAE"));
        Assert.Contains("Comment faire reconnaître mon expérience par un diplôme ?", page);
        Assert.Contains("PRC-VAE de Tours", page);

        var found = await member.GetStringAsync($"{Reception}?handler=Results&q=apprentissage");
        Assert.Contains($"href=\"{Reception}/structures/", found);
        var fragment = await member.GetStringAsync($"{Reception}?handler=Results&q=bateau");
        Assert.DoesNotContain("<html", fragment);
        Assert.Contains("Aucune question du guide", WebUtility.HtmlDecode(fragment));
        await member.GetStringAsync($"{Reception}?q=permis+bateau");
        var unanswered = await (await (await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCoordinator)).GetAsync($"{Api}/unanswered-searches")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("permis bateau", Assert.Single(unanswered.EnumerateArray()).GetProperty("lastTyped").GetString()); // the fragment without record= did not count
    }

    [Fact]
    public async Task The_printable_guide_and_a_structure_sheet_show_where_to_send_and_how_to_reach_them()
    {
        var member = await factory.ClientAsCookieAsync(DemoAccounts.IndreEtLoireMember);
        var print = WebUtility.HtmlDecode(await member.GetStringAsync($"{Reception}/guide"));
        Assert.Contains("J'ai un handicap et je cherche un emploi", print);
        Assert.Contains("02 47 00 00 40", print); // Cap emploi's contact at the foot of the page
        var guide = await GuideAsync(await factory.ClientAsAsync(DemoAccounts.IndreEtLoireMember));
        var sheet = WebUtility.HtmlDecode(await member.GetStringAsync($"{Reception}/structures/{StructureId(guide, "Cap emploi de Tours")}"));
        Assert.Contains("Sur rendez-vous", sheet);
        Assert.Contains("J'ai un handicap et je cherche un emploi", sheet);
        Assert.DoesNotContain("Modifier la fiche", sheet); // members read, the coordinator edits
    }

    [Fact]
    public async Task A_refused_question_form_explains_beside_the_field_keeps_what_was_typed_and_stores_nothing()
    {
        var coordinator = await factory.ClientAsCookieAsync(DemoAccounts.IndreEtLoireCoordinator);
        var guide = await GuideAsync(await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCoordinator));
        var response = await coordinator.SubmitFormAsync(Management, new()
        {
            ["NewQuestion.ThemeId"] = ThemeId(guide, "Emploi"),
            ["NewQuestion.Text"] = "Où faire un stage de découverte ?",
            [$"NewQuestion.Roles[{StructureId(guide, "CIO de Tours")}]"] = "Secondary",
        }, "Question");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("au moins une structure principale", page);
        Assert.Contains("value=\"Où faire un stage de découverte ?\"", page);
        Assert.DoesNotContain(Questions(await GuideAsync(await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCoordinator))), q => q.GetProperty("text").GetString() == "Où faire un stage de découverte ?");

        var accepted = await coordinator.SubmitFormAsync(Management, new()
        {
            ["NewQuestion.ThemeId"] = ThemeId(guide, "Emploi"),
            ["NewQuestion.Text"] = "Où faire un stage de découverte ?",
            [$"NewQuestion.Roles[{StructureId(guide, "CIO de Tours")}]"] = "Principal",
        }, "Question");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
    }

    [Fact]
    public async Task Editing_a_question_someone_changed_meanwhile_is_refused_on_the_page()
    {
        var coordinator = await factory.ClientAsCookieAsync(DemoAccounts.IndreEtLoireCoordinator);
        var guide = await GuideAsync(await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCoordinator));
        var question = Questions(guide).Single(q => q.GetProperty("text").GetString() == "Je cherche un emploi");
        var url = $"{Management}/questions/{question.GetProperty("id").GetString()}";
        var fields = (string text) => new Dictionary<string, string>
        {
            ["Question.ThemeId"] = question.GetProperty("themeId").GetString()!,
            ["Question.Text"] = text,
            ["Question.Version"] = question.GetProperty("version").GetInt32().ToString(),
            [$"Question.Roles[{StructureId(guide, "France Travail de Tours")}]"] = "Principal",
        };
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.SubmitFormAsync(url, fields("Je cherche un emploi près de chez moi"))).StatusCode);
        var stale = await coordinator.SubmitFormAsync(url, fields("Je cherche du travail"));
        Assert.Contains("modifié par quelqu'un d'autre", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_coordinator_writes_a_structure_sheet_through_its_form()
    {
        var coordinator = await factory.ClientAsCookieAsync(DemoAccounts.IndreEtLoireCoordinator);
        var guide = await GuideAsync(await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCoordinator));
        var apec = StructureId(guide, "Apec de Tours");
        var response = await coordinator.SubmitFormAsync($"{Management}/fiches/{apec}", new()
        {
            ["Sheet.Answer"] = "Conseil en évolution professionnelle des cadres.", ["Sheet.Modalities"] = "Sur rendez-vous.", ["Sheet.Contact"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Conseil en évolution professionnelle des cadres.", WebUtility.HtmlDecode(await coordinator.GetStringAsync($"{Reception}/structures/{apec}")));
    }
}

using System.Net;
using System.Net.Http.Json;
using SproHub.Testing;
using Xunit;
using static OrientationModeEmploi.Tests.ModeEmploiApi;

namespace OrientationModeEmploi.Tests;

/// <summary>Who may read and keep the guide, and where it exists at all.</summary>
[Collection(SharedPlatform.Name)]
public sealed class GuideAccessTests(SproHubFactory factory) : IAsyncLifetime
{
    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Without_login_the_API_answers_401_and_the_pages_ask_to_log_in()
    {
        var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        await (await anonymous.GetAsync($"{Api}/guide")).JsonAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.GetAsync($"{Api}/search?q=emploi")).JsonAsync(HttpStatusCode.Unauthorized);
        var page = await anonymous.GetAsync($"/t/{Territory}/mode-emploi");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/compte/connexion", page.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_member_reads_and_searches_but_does_not_keep_the_guide()
    {
        var member = await factory.ClientAsAsync(DemoAccounts.IndreEtLoireMember);
        var before = await member.GetStringAsync($"{Api}/guide");
        var guide = await GuideAsync(member);
        await (await CreateQuestionAsync(member, ThemeId(guide, "Emploi"), "Par un membre", (StructureId(guide, "CIO de Tours"), "Principal"))).JsonAsync(HttpStatusCode.Forbidden);
        await (await member.PostAsJsonAsync($"{Api}/themes", new { name = "Par un membre" })).JsonAsync(HttpStatusCode.Forbidden);
        await (await member.PutAsJsonAsync($"{Api}/structures/{StructureId(guide, "CIO de Tours")}/sheet", new { answer = "Par un membre" })).JsonAsync(HttpStatusCode.Forbidden);
        await (await member.GetAsync($"{Api}/unanswered-searches")).JsonAsync(HttpStatusCode.Forbidden);
        var cookie = await factory.ClientAsCookieAsync(DemoAccounts.IndreEtLoireMember);
        var gestion = await cookie.GetAsync($"/t/{Territory}/mode-emploi/gestion");
        Assert.True(HttpStatusCode.Forbidden == gestion.StatusCode, await gestion.Content.ReadAsStringAsync());
        Assert.Equal(before, await member.GetStringAsync($"{Api}/guide"));
    }

    [Fact]
    public async Task Another_territory_s_coordinator_neither_reads_nor_writes_it()
    {
        var stranger = await factory.ClientAsAsync(DemoAccounts.LoirEtCherCoordinator);
        await (await stranger.GetAsync($"{Api}/guide")).JsonAsync(HttpStatusCode.Forbidden);
        await (await stranger.GetAsync($"{Api}/search?q=emploi")).JsonAsync(HttpStatusCode.Forbidden);
        await (await stranger.PostAsJsonAsync($"{Api}/themes", new { name = "D'ailleurs" })).JsonAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Where_it_is_not_enabled_it_does_not_exist()
    {
        var coordinator = await factory.ClientAsAsync(DemoAccounts.CherCoordinator);
        foreach (var url in new[] { "/api/territories/cher/mode-emploi/guide", "/api/territories/cher/mode-emploi/search?q=emploi" })
            await (await coordinator.GetAsync(url)).JsonAsync(HttpStatusCode.NotFound);
        var pages = await factory.ClientAsCookieAsync(DemoAccounts.CherCoordinator);
        foreach (var url in new[] { "/t/cher/mode-emploi", "/t/cher/mode-emploi/guide", "/t/cher/mode-emploi/gestion" })
            Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync(url)).StatusCode);
        Assert.DoesNotContain("mode d'emploi", System.Net.WebUtility.HtmlDecode(await pages.GetStringAsync("/t/cher")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Enabled_in_another_territory_it_starts_empty_there_and_never_shows_Indre_et_Loire_s_guide()
    {
        var admin = await factory.ClientAsAsync(DemoAccounts.RegionAdmin);
        await (await admin.PutAsJsonAsync("/api/admin/modules/mode-emploi/territories/cher", new { enabled = true })).JsonAsync(HttpStatusCode.OK);
        var coordinator = await factory.ClientAsAsync(DemoAccounts.CherCoordinator);
        var cher = await (await coordinator.GetAsync("/api/territories/cher/mode-emploi/guide")).JsonAsync(HttpStatusCode.OK);
        Assert.Empty(cher.GetProperty("themes").EnumerateArray());
        Assert.Contains(cher.GetProperty("structures").EnumerateArray(), s => s.GetProperty("name").GetString() == "CIO de Bourges");
        Assert.Empty((await (await coordinator.GetAsync("/api/territories/cher/mode-emploi/search?q=emploi")).JsonAsync(HttpStatusCode.OK)).GetProperty("questions").EnumerateArray());
        // Cher's coordinator, with a theme and a structure of Cher, still cannot reach Indre-et-Loire's question by its id.
        var indreEtLoireQuestion = Questions(await GuideAsync(await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCoordinator))).First().GetProperty("id").GetString();
        var theme = await (await coordinator.PostAsJsonAsync("/api/territories/cher/mode-emploi/themes", new { name = "Emploi" })).JsonAsync(HttpStatusCode.Created);
        var structure = cher.GetProperty("structures")[0].GetProperty("id").GetString();
        await (await coordinator.PutAsJsonAsync($"/api/territories/cher/mode-emploi/questions/{indreEtLoireQuestion}", new
        {
            themeId = theme.GetProperty("id").GetString(), text = "Détournée", version = 1, answerers = new[] { new { structureId = structure, role = "Principal" } },
        })).JsonAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(Questions(await GuideAsync(await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCoordinator))), q => q.GetProperty("text").GetString() == "Détournée");
    }
}

using System.Net;
using System.Net.Http.Json;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using SproHub.Shared.Errors;
using SproHub.Shared.Territories;
using SproHub.Testing;
using Xunit;
using static Comete.Tests.CometeApi;

namespace Comete.Tests;

/// <summary>Who may do what, and where COMETE exists at all.</summary>
[Collection(SharedPlatform.Name)]
public sealed class CometeAccessTests(SproHubFactory factory) : IAsyncLifetime
{
    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Without_login_writes_answer_401_and_the_management_page_asks_to_log_in()
    {
        var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        // A complete body: an incomplete one is refused (400) before anyone is asked who they are.
        var problem = await (await anonymous.PostAsJsonAsync($"{LoirEtCher}/shows", new { seriesId = Guid.NewGuid(), sector = "Santé", date = "2027-01-12" }))
            .JsonAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Non authentifié", problem.GetProperty("title").GetString());
        var page = await anonymous.GetAsync("/t/loir-et-cher/comete/gestion");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/compte/connexion", page.Headers.Location!.OriginalString.Replace("http://localhost", ""));
    }

    [Theory]
    [InlineData(DemoAccounts.CherCoordinator)]
    [InlineData(DemoAccounts.LoirEtCherMember)]
    public async Task Another_territory_s_coordinator_or_a_member_cannot_manage(string account)
    {
        var client = await factory.ClientAsAsync(account);
        var before = await client.GetStringAsync($"{LoirEtCher}/programme");
        var series = (await (await factory.CreateClient().GetAsync($"{LoirEtCher}/programme")).JsonAsync(HttpStatusCode.OK)).GetProperty("upcoming")[0].GetProperty("seriesId").GetString();
        await (await client.PostAsJsonAsync($"{LoirEtCher}/shows", new { seriesId = series, sector = "Santé", date = "2027-01-12" })).JsonAsync(HttpStatusCode.Forbidden);
        await (await client.GetAsync($"{LoirEtCher}/spots")).JsonAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/t/loir-et-cher/comete/gestion")).StatusCode);
        Assert.Equal(before, await client.GetStringAsync($"{LoirEtCher}/programme"));
    }

    [Fact]
    public async Task In_Cher_where_COMETE_is_not_enabled_nothing_of_it_exists()
    {
        var coordinator = await factory.ClientAsAsync(DemoAccounts.CherCoordinator);
        foreach (var url in new[] { "/api/territories/cher/comete/programme", "/api/territories/cher/comete/programme.ics", "/api/territories/cher/comete/series" })
            await (await coordinator.GetAsync(url)).JsonAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync("/t/cher/comete")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync("/t/cher/comete/gestion")).StatusCode);
        var territoryPage = await coordinator.GetStringAsync("/t/cher");
        Assert.DoesNotContain("COMETE", territoryPage);
        var loirEtCher = System.Net.WebUtility.HtmlDecode(await coordinator.GetStringAsync("/t/loir-et-cher"));
        Assert.Contains("COMETE à la radio", loirEtCher);
        Assert.Contains("Transport et logistique", loirEtCher);
    }

    [Fact]
    public async Task Enabled_elsewhere_it_never_returns_Loir_et_Cher_s_shows()
    {
        var admin = await factory.ClientAsAsync(DemoAccounts.RegionAdmin);
        await (await admin.PutAsJsonAsync("/api/admin/modules/comete/territories/cher", new { enabled = true })).JsonAsync(HttpStatusCode.OK);
        var loirEtCher = await (await factory.CreateClient().GetAsync($"{LoirEtCher}/programme")).JsonAsync(HttpStatusCode.OK);
        var showId = loirEtCher.GetProperty("past")[0].GetProperty("id").GetString();

        var cher = await (await factory.CreateClient().GetAsync("/api/territories/cher/comete/programme")).JsonAsync(HttpStatusCode.OK);
        Assert.Empty(cher.GetProperty("past").EnumerateArray());
        Assert.Empty(cher.GetProperty("upcoming").EnumerateArray());
        await (await factory.CreateClient().GetAsync($"/api/territories/cher/comete/shows/{showId}")).JsonAsync(HttpStatusCode.NotFound);
        var cherCoordinator = await factory.ClientAsAsync(DemoAccounts.CherCoordinator);
        Assert.Equal(0, (await (await cherCoordinator.GetAsync("/api/territories/cher/comete/series")).JsonAsync(HttpStatusCode.OK)).GetArrayLength());
        Assert.Contains("Programme COMETE", await cherCoordinator.GetStringAsync("/t/cher"));
    }

    [Fact]
    public async Task Disabling_hides_it_and_enabling_again_shows_the_data_as_it_was()
    {
        var admin = await factory.ClientAsAsync(DemoAccounts.RegionAdmin);
        var before = await factory.CreateClient().GetStringAsync($"{LoirEtCher}/programme");
        await (await admin.PutAsJsonAsync("/api/admin/modules/comete/territories/loir-et-cher", new { enabled = false })).JsonAsync(HttpStatusCode.OK);
        await (await factory.CreateClient().GetAsync($"{LoirEtCher}/programme")).JsonAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain("Programme COMETE", await factory.CreateClient().GetStringAsync("/t/loir-et-cher"));
        await (await admin.PutAsJsonAsync("/api/admin/modules/comete/territories/loir-et-cher", new { enabled = true })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(before, await factory.CreateClient().GetStringAsync($"{LoirEtCher}/programme"));
    }

    [Fact]
    public async Task A_coordinator_of_one_territory_finds_its_menu_from_the_home_page()
    {
        var home = System.Net.WebUtility.HtmlDecode(await (await factory.ClientAsCookieAsync(DemoAccounts.LoirEtCherCoordinator)).GetStringAsync("/"));
        Assert.Contains("href=\"/t/loir-et-cher/comete/gestion\"", home);
        var anonymous = await factory.CreateClient().GetStringAsync("/");
        Assert.DoesNotContain("/comete/gestion", anonymous);
    }

    [Fact]
    public async Task Its_mediator_requests_are_refused_where_it_is_not_enabled()
    {
        Task<SproHub.Plugins.Comete.Programme.ProgrammeView> InTerritory(string slug) =>
            factory.InTerritoryAsync(slug, sp => sp.GetRequiredService<IMediator>().Send(new SproHub.Plugins.Comete.Programme.GetProgramme()));
        Assert.NotEmpty((await InTerritory("loir-et-cher")).Past);
        await Assert.ThrowsAsync<NotFoundException>(() => InTerritory("cher"));
    }

    [Fact]
    public async Task An_unknown_territory_is_404()
    {
        await (await factory.CreateClient().GetAsync("/api/territories/atlantide/comete/programme")).JsonAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync("/t/atlantide/comete")).StatusCode);
    }
}

/// <summary>The coordinator's pages do what the API does, refusals shown on the form.</summary>
[Collection(SharedPlatform.Name)]
public sealed class CometePageTests(SproHubFactory factory) : IAsyncLifetime
{
    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_coordinator_edits_the_series_slot_from_the_page_and_a_stale_form_is_refused()
    {
        var api = await factory.ClientAsAsync(DemoAccounts.LoirEtCherCoordinator);
        var series = (await (await api.GetAsync($"{LoirEtCher}/series")).JsonAsync(HttpStatusCode.OK))[0];
        var browser = await factory.ClientAsCookieAsync(DemoAccounts.LoirEtCherCoordinator);
        Dictionary<string, string> Form(string station) => new()
        {
            ["edit.Id"] = series.GetProperty("id").GetString()!, ["edit.Version"] = series.GetProperty("version").GetInt32().ToString(),
            ["edit.Name"] = "COMETE", ["edit.Station"] = station, ["edit.SlotStart"] = "09:00", ["edit.SlotEnd"] = "10:30",
        };
        var saved = await browser.SubmitFormAsync("/t/loir-et-cher/comete/gestion", Form("Radio Sologne"), "EditSeries");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = (await (await api.GetAsync($"{LoirEtCher}/series")).JsonAsync(HttpStatusCode.OK))[0];
        Assert.Equal("Radio Sologne", after.GetProperty("station").GetString());
        Assert.Equal("10:30:00", after.GetProperty("slotEnd").GetString());

        var saturday = await browser.SubmitFormAsync("/t/loir-et-cher/comete/gestion", new()
        {
            ["NewShow.SeriesId"] = series.GetProperty("id").GetString()!, ["NewShow.Sector"] = "Sport", ["NewShow.Date"] = "2027-01-16",
        }, "Show");
        var refusedPage = System.Net.WebUtility.HtmlDecode(await saturday.Content.ReadAsStringAsync());
        Assert.Matches("id=\"show-date-error\"[^>]*>Une émission COMETE a lieu en semaine", refusedPage);

        var stale = await browser.SubmitFormAsync("/t/loir-et-cher/comete/gestion", Form("Autre radio"), "EditSeries");
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("modifié par quelqu", System.Net.WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()));
        Assert.Equal("Radio Sologne", (await (await api.GetAsync($"{LoirEtCher}/series")).JsonAsync(HttpStatusCode.OK))[0].GetProperty("station").GetString());
    }
}

using System.Net;
using System.Net.Http.Json;
using SproHub.Network.Coordinators;
using SproHub.Shared.Errors;
using SproHub.Testing;
using Xunit;

namespace Network.Tests;

/// <summary>Coordinators designated per school year by the plenary; the directory lists them, the history stays.</summary>
[Collection(SharedPlatform.Name)]
public sealed class CoordinatorTests(SproHubFactory factory) : IAsyncLifetime
{
    private const string Cher = "/api/territories/cher/network/coordinators";

    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("2016-09-01", 2016)]
    [InlineData("2017-08-31", 2016)]
    [InlineData("2017-01-15", 2016)]
    public void A_school_year_starts_on_the_first_of_September(string date, int year) =>
        Assert.Equal(year, CoordinatorDesignation.SchoolYearOf(DateOnly.Parse(date)));

    [Theory]
    [InlineData(2016, "2016-06-30", null)]               // June plenary before the year
    [InlineData(2016, "2015-08-31", "pleniere-de-l-annee")]
    [InlineData(2026, "2026-03-10", "pleniere-de-l-annee")]    // the previous school year's spring
    [InlineData(2016, "2016-05-31", "pleniere-de-l-annee")]
    [InlineData(2016, "2017-08-31", null)]
    [InlineData(2016, "2017-09-01", "pleniere-de-l-annee")]
    [InlineData(2026, "2026-12-01", "pleniere-passee")]
    public void The_designating_plenary_sits_around_its_school_year_and_has_sat(int year, string plenary, string? refused)
    {
        var today = new DateOnly(2026, 11, 23);
        if (refused is null) CoordinatorDesignation.CheckPlenary(year, DateOnly.Parse(plenary), today);
        else Assert.Equal(refused, Assert.Throws<RuleViolationException>(() => CoordinatorDesignation.CheckPlenary(year, DateOnly.Parse(plenary), today)).Rule);
    }

    private async Task<string> StructureAsync(string query) =>
        (await (await factory.CreateClient().GetAsync($"/api/network/directory?{query}")).JsonAsync(HttpStatusCode.OK)).GetProperty("structures")[0].GetProperty("id").GetString()!;

    private static object Body(string structureId, int year = 2016, string plenary = "2016-06-30", string email = "c.martin@ml-bourges.exemple.fr") =>
        new { schoolYear = year, firstName = "Claire", lastName = "Martin", email, structureId, plenaryDate = plenary, minutesReference = "CR de la plénière de juin" };

    [Fact]
    public async Task The_coordinator_records_the_designations_and_the_directory_keeps_each_year()
    {
        var coordinator = await factory.ClientAsAsync(DemoAccounts.CherCoordinator);
        var ml = await StructureAsync("q=mission%20bourges");
        await (await coordinator.PostAsJsonAsync(Cher, Body(ml))).JsonAsync(HttpStatusCode.Created);
        await (await coordinator.PostAsJsonAsync(Cher, Body(ml, 2017, "2017-06-29"))).JsonAsync(HttpStatusCode.Created);
        // The Région is told of each designation.
        await factory.DispatchOutboxAsync();
        var told = factory.SentMails().Where(m => m.To.Mailboxes.Single().Address == DemoAccounts.RegionAdmin).ToList();
        Assert.Equal(2, told.Count);
        Assert.Contains("Claire Martin (Mission Locale de Bourges)", told[0].TextBody ?? "");

        var public2016 = await (await factory.CreateClient().GetAsync("/api/network/coordinators?schoolYear=2016")).JsonAsync(HttpStatusCode.OK);
        var entry = Assert.Single(public2016.EnumerateArray());
        Assert.Equal("Claire Martin", entry.GetProperty("name").GetString());
        Assert.Equal("Mission Locale de Bourges", entry.GetProperty("structureName").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, entry.GetProperty("email").ValueKind); // citizens see no e-mail

        var forMembers = await (await (await factory.ClientAsAsync(DemoAccounts.LoirEtCherMember)).GetAsync("/api/network/coordinators?territory=cher")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["2017-2018", "2016-2017"], forMembers.EnumerateArray().Select(c => c.GetProperty("schoolYearLabel").GetString()));
        Assert.Equal("c.martin@ml-bourges.exemple.fr", forMembers[0].GetProperty("email").GetString());
        Assert.Contains("Claire Martin", WebUtility.HtmlDecode(await factory.CreateClient().GetStringAsync("/annuaire/coordination?annee=2016")));
    }

    [Fact]
    public async Task Refusals_name_the_field_and_the_rule_and_record_nothing()
    {
        var coordinator = await factory.ClientAsAsync(DemoAccounts.CherCoordinator);
        var ml = await StructureAsync("q=mission%20bourges");
        var elsewhere = await StructureAsync("q=cio%20blois");
        async Task Refused(object body, string field, string rule)
        {
            var problem = await (await coordinator.PostAsJsonAsync(Cher, body)).JsonAsync(HttpStatusCode.BadRequest);
            Assert.Contains(problem.GetProperty("rules").EnumerateArray(), r => r.GetProperty("field").GetString() == field && r.GetProperty("rule").GetString() == rule);
        }
        await Refused(Body(elsewhere), "structureId", "structure-du-territoire");
        await Refused(Body(ml, 2016, "2018-01-10"), "plenaryDate", "pleniere-de-l-annee");
        await Refused(Body(ml, email: "pas-une-adresse"), "email", "email");
        await (await coordinator.PostAsJsonAsync(Cher, Body(ml))).JsonAsync(HttpStatusCode.Created);
        await Refused(Body(ml), "email", "deja-designe");
        var again = await (await coordinator.PostAsJsonAsync(Cher, Body(ml))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("coordonne déjà le SPRO du Cher pour", again.GetProperty("rules")[0].GetProperty("message").GetString()); // not « coordonnateur de SPRO du Cher »
        Assert.Single((await (await factory.CreateClient().GetAsync("/api/network/coordinators?territory=cher")).JsonAsync(HttpStatusCode.OK)).EnumerateArray());
    }

    [Fact]
    public async Task Only_the_territory_s_coordinator_or_the_Region_records_a_designation()
    {
        var ml = await StructureAsync("q=mission%20bourges");
        await (await factory.CreateClient().PostAsJsonAsync(Cher, Body(ml))).JsonAsync(HttpStatusCode.Unauthorized);
        await (await (await factory.ClientAsAsync(DemoAccounts.Member("cher"))).PostAsJsonAsync(Cher, Body(ml))).JsonAsync(HttpStatusCode.Forbidden);
        await (await (await factory.ClientAsAsync(DemoAccounts.LoirEtCherCoordinator)).PostAsJsonAsync(Cher, Body(ml))).JsonAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.ClientAsCookieAsync(DemoAccounts.Member("cher"))).GetAsync("/t/cher/coordination/designation")).StatusCode);
        await (await (await factory.ClientAsAsync(DemoAccounts.RegionAdmin)).PostAsJsonAsync(Cher, Body(ml))).JsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_designation_form_records_and_explains_refusals_beside_the_fields()
    {
        var coordinator = await factory.ClientAsCookieAsync(DemoAccounts.CherCoordinator);
        var ml = await StructureAsync("q=mission%20bourges");
        var fields = (string plenary) => new Dictionary<string, string>
        {
            ["Designation.SchoolYear"] = "2016", ["Designation.FirstName"] = "Claire", ["Designation.LastName"] = "Martin",
            ["Designation.Email"] = "c.martin@ml-bourges.exemple.fr", ["Designation.StructureId"] = ml, ["Designation.PlenaryDate"] = plenary,
        };
        var refused = await coordinator.SubmitFormAsync("/t/cher/coordination/designation", fields("2019-06-30"));
        Assert.Contains("se tient entre le 01/06/2016 et le 31/08/2017", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.SubmitFormAsync("/t/cher/coordination/designation", fields("2016-06-30"))).StatusCode);
        Assert.Contains("2016-2017 : Claire Martin", WebUtility.HtmlDecode(await coordinator.GetStringAsync("/t/cher/coordination/designation")));
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SproHub.Testing;
using Xunit;

namespace Budgets.Tests;

/// <summary>The Région's side-by-side view of every local SPRO's year, and the envelopes it allots.</summary>
[Collection(SharedPlatform.Name)]
public sealed class RegionBudgetTests(SproHubFactory factory) : IAsyncLifetime
{
    private static readonly int Year = DateTime.Today.Year;

    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static IEnumerable<JsonElement> Rows(JsonElement overview) =>
        overview.GetProperty("departments").EnumerateArray().SelectMany(d => d.GetProperty("territories").EnumerateArray());

    [Fact]
    public async Task The_finance_officer_sees_every_local_SPRO_side_by_side_with_totals_recomputed_from_the_sums()
    {
        var finance = await factory.ClientAsAsync(DemoAccounts.RegionFinance);
        var overview = await (await finance.GetAsync($"/api/budgets/overview?year={Year}")).JsonAsync(HttpStatusCode.OK);
        var rows = Rows(overview).ToDictionary(r => r.GetProperty("territoryId").GetString()!);
        Assert.Equal(13, rows.Count);
        Assert.Equal(("Filed", 15_000m), (rows["indre-et-loire"].GetProperty("state").GetString(), rows["indre-et-loire"].GetProperty("figures").GetProperty("requested").GetDecimal()));
        Assert.Equal("Decided", rows["cher"].GetProperty("state").GetString());
        Assert.Equal("NoAgreement", rows["dreux"].GetProperty("state").GetString());
        if (DateTime.Today > new DateTime(Year, 1, 13))
            Assert.True(rows["loir-et-cher"].GetProperty("late").GetBoolean());

        // Every level adds up, and its rate is its own spent over its own granted (never an average of rates).
        var departments = overview.GetProperty("departments").EnumerateArray().ToList();
        decimal Sum(IEnumerable<JsonElement> items, string figure) => items.Sum(i => i.GetProperty("figures").GetProperty(figure).GetDecimal());
        foreach (var figure in new[] { "allotted", "requested", "granted", "paid", "spent" })
            Assert.Equal(Sum(departments, figure), overview.GetProperty("figures").GetProperty(figure).GetDecimal());
        var total = overview.GetProperty("figures");
        Assert.Equal(total.GetProperty("spent").GetDecimal() / total.GetProperty("granted").GetDecimal(), total.GetProperty("consumption").GetDecimal());

        var cher = await (await finance.GetAsync($"/api/budgets/overview?year={Year}&department=18")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["cher"], Rows(cher).Select(r => r.GetProperty("territoryId").GetString()));
        var late = await (await finance.GetAsync($"/api/budgets/overview?year={Year}&lateOnly=true")).JsonAsync(HttpStatusCode.OK);
        if (DateTime.Today > new DateTime(Year, 1, 13)) Assert.NotEmpty(Rows(late)); // Loir-et-Cher's, at least
        Assert.All(Rows(late), r => Assert.True(r.GetProperty("late").GetBoolean()));
        Assert.Equal("year", (await (await finance.GetAsync("/api/budgets/envelopes?year=0")).JsonAsync(HttpStatusCode.BadRequest)).GetProperty("rules")[0].GetProperty("field").GetString());
        var bad = await (await finance.GetAsync("/api/budgets/overview?department=cher")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("department", bad.GetProperty("rules")[0].GetProperty("field").GetString());

        // The school-year agreement of 2015-2016 of Cher, extended and closed, with the department's 15,000 € envelope.
        var y2015 = await (await finance.GetAsync("/api/budgets/overview?year=2015&department=18")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal((15_000m, "Closed"), (y2015.GetProperty("figures").GetProperty("allotted").GetDecimal(), Rows(y2015).Single().GetProperty("state").GetString()));
    }

    [Fact]
    public async Task The_side_by_side_sums_are_those_of_each_territory_s_own_request()
    {
        // The overview adds lines, payments and spending entries up in the database (decimal sums on SQLite and PostgreSQL):
        // each figure must be the one the territory's own request shows, to the cent.
        var finance = await factory.ClientAsAsync(DemoAccounts.RegionFinance);
        foreach (var year in new[] { Year, 2015 })
        {
            var overview = await (await finance.GetAsync($"/api/budgets/overview?year={year}&department=18")).JsonAsync(HttpStatusCode.OK);
            var cher = Rows(overview).Single(r => r.GetProperty("territoryId").GetString() == "cher").GetProperty("figures");
            var request = await (await finance.GetAsync($"/api/territories/cher/budgets/requests/{year}")).JsonAsync(HttpStatusCode.OK);
            Assert.True(request.GetProperty("granted").GetDecimal() > 0, $"{year}: a granted request");
            Assert.Equal(request.GetProperty("total").GetDecimal(), cher.GetProperty("requested").GetDecimal());
            Assert.Equal(request.GetProperty("granted").GetDecimal(), cher.GetProperty("granted").GetDecimal());
            Assert.Equal(request.GetProperty("paid").GetDecimal(), cher.GetProperty("paid").GetDecimal());
            Assert.Equal(request.GetProperty("spent").GetDecimal(), cher.GetProperty("spent").GetDecimal());
        }
    }

    [Fact]
    public async Task Only_the_Région_sees_the_side_by_side_page()
    {
        await (await factory.CreateClient().GetAsync("/api/budgets/overview")).JsonAsync(HttpStatusCode.Unauthorized);
        await (await (await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCoordinator)).GetAsync("/api/budgets/overview")).JsonAsync(HttpStatusCode.Forbidden);
        await (await (await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCarrierAgent)).GetAsync("/api/budgets/envelopes?year=2015")).JsonAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.ClientAsCookieAsync(DemoAccounts.IndreEtLoireCoordinator)).GetAsync("/budgets")).StatusCode);
        var page = WebUtility.HtmlDecode(await (await factory.ClientAsCookieAsync(DemoAccounts.RegionFinance)).GetStringAsync($"/budgets?annee={Year}&departement=37"));
        Assert.Contains("SPRO d'Indre-et-Loire", page);
        Assert.DoesNotContain("SPRO du Cher", page);
        Assert.Contains("href=\"/budgets\"", page); // the header's link, from the module's manifest
    }

    [Fact]
    public async Task The_Région_allots_envelopes_carried_by_a_structure_of_the_territory_and_each_territory_sees_its_own()
    {
        var finance = await factory.ClientAsAsync(DemoAccounts.RegionFinance);
        var orleans = await factory.InScopeAsync(sp => sp.GetRequiredService<SproHub.Shared.Network.IStructureDirectory>().ListAsync("orleans"));
        var tours = await factory.InScopeAsync(sp => sp.GetRequiredService<SproHub.Shared.Network.IStructureDirectory>().ListAsync("indre-et-loire"));
        object Envelope(string territory, Guid carrier, string ends = "2027-06-30") => new
        {
            territoryId = territory, purpose = "Fonctionnement du SPRO départemental", amount = 12_500.5m, startsOn = $"{Year}-01-01", endsOn = ends, carrierStructureId = carrier, allottedOn = $"{Year}-01-05",
        };
        string Rule(JsonElement problem) => problem.GetProperty("rules")[0].GetProperty("rule").GetString()!;
        Assert.Equal("porteur-du-territoire", Rule(await (await finance.PostAsJsonAsync("/api/budgets/envelopes", Envelope("departement-45", tours[0].Id))).JsonAsync(HttpStatusCode.BadRequest)));
        Assert.Equal("territoire", Rule(await (await finance.PostAsJsonAsync("/api/budgets/envelopes", Envelope("region", orleans[0].Id))).JsonAsync(HttpStatusCode.BadRequest)));
        Assert.Equal("periode", Rule(await (await finance.PostAsJsonAsync("/api/budgets/envelopes", Envelope("departement-45", orleans[0].Id, $"{Year - 1}-12-31"))).JsonAsync(HttpStatusCode.BadRequest)));
        await (await (await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCoordinator)).PostAsJsonAsync("/api/budgets/envelopes", Envelope("departement-37", tours[0].Id))).JsonAsync(HttpStatusCode.Forbidden);
        var allotted = await (await finance.PostAsJsonAsync("/api/budgets/envelopes", Envelope("departement-45", orleans[0].Id, $"{Year}-12-31"))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(("Loiret", "45"), (allotted.GetProperty("territoryName").GetString(), allotted.GetProperty("departmentCode").GetString()));

        var listed = await (await finance.GetAsync($"/api/budgets/envelopes?year={Year}&department=45")).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(listed.EnumerateArray(), e => e.GetProperty("amount").GetDecimal() == 12_500.5m);
        // Orléans sees its department's envelope; Indre-et-Loire only its own.
        var seenInOrleans = await (await (await factory.ClientAsAsync(DemoAccounts.Coordinator("orleans"))).GetAsync("/api/territories/orleans/budgets/envelopes")).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(seenInOrleans.EnumerateArray(), e => e.GetProperty("territoryId").GetString() == "departement-45");
        var seenInTours = await (await (await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCoordinator)).GetAsync("/api/territories/indre-et-loire/budgets/envelopes")).JsonAsync(HttpStatusCode.OK);
        Assert.All(seenInTours.EnumerateArray(), e => Assert.Equal("indre-et-loire", e.GetProperty("territoryId").GetString()));
        // Another structure's agent sees none of it.
        Assert.Empty((await (await (await factory.ClientAsAsync(DemoAccounts.IndreEtLoireMember)).GetAsync("/api/territories/indre-et-loire/budgets/envelopes")).JsonAsync(HttpStatusCode.OK)).EnumerateArray());
    }
}

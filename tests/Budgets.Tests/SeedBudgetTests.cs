using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SproHub.Testing;
using Xunit;

namespace Budgets.Tests;

/// <summary>What seeds 000 and 002 say of budgets, through the API and the pages: the Cher's 2015-2016 carried by the
/// Mission Locale Cher-Sud and judged by its year's rules, agreements that never overlap, a second envelope confirmed.</summary>
[Collection(SharedPlatform.Name)]
public sealed class SeedBudgetTests(SproHubFactory factory) : IAsyncLifetime
{
    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static string Rule(JsonElement problem) => problem.GetProperty("rules")[0].GetProperty("rule").GetString()!;
    private static string Field(JsonElement problem) => problem.GetProperty("rules")[0].GetProperty("field").GetString()!;
    private static string Plain(string text) => WebUtility.HtmlDecode(text).Replace('\u202f', ' ').Replace('\u00a0', ' ');

    private async Task<SproHub.Shared.Network.StructureInfo> StructureAsync(string territory, string name) =>
        (await factory.InScopeAsync(sp => sp.GetRequiredService<SproHub.Shared.Network.IStructureDirectory>().ListAsync(territory))).Single(s => s.Name == name);

    [Fact]
    public async Task The_Cher_s_2015_2016_is_carried_by_the_Mission_Locale_Cher_Sud_judged_by_its_year_s_rules_and_extended_by_a_CPR_vote()
    {
        var finance = await factory.ClientAsAsync(DemoAccounts.RegionFinance);
        var year = await (await finance.GetAsync("/api/territories/cher/budgets/requests/2015")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(("Mission Locale Cher-Sud", "2015-2016"), (year.GetProperty("carrierName").GetString(), year.GetProperty("yearLabel").GetString()));
        // The 15,000 € envelope: territory projects and operating costs, no coordination subsidy before 2017.
        Assert.Equal((15_000m, 0m, 0m), (year.GetProperty("total").GetDecimal(), year.GetProperty("coordination").GetDecimal(), year.GetProperty("maxCoordination").GetDecimal()));
        var rules = year.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("code").GetString()).ToList();
        Assert.Contains("sans-coordination", rules);
        Assert.DoesNotContain("coordination-30", rules);
        Assert.DoesNotContain("acompte-50", rules);
        var recent = await (await finance.GetAsync($"/api/territories/cher/budgets/requests/{DateTime.Today.Year}")).JsonAsync(HttpStatusCode.OK);
        Assert.Contains("coordination-30", recent.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("code").GetString()));
        Assert.Equal("Mission Locale Cher-Sud", recent.GetProperty("carrierName").GetString());

        var statement = await (await finance.GetAsync("/api/territories/cher/budgets/requests/2015/spending")).JsonAsync(HttpStatusCode.OK);
        var amendment = statement.GetProperty("amendments")[0];
        Assert.Equal(("2016-07-08", "2016-07-20", "2016-12-31"), (amendment.GetProperty("cprVoteOn").GetString(), amendment.GetProperty("signedOn").GetString(), amendment.GetProperty("newEndsOn").GetString()));
        Assert.True(amendment.GetProperty("consumptionRate").GetDecimal() < 0.5m);

        var csv = Encoding.UTF8.GetString(await (await finance.GetAsync("/api/territories/cher/budgets/requests/2015/export.csv?table=avenants")).Content.ReadAsByteArrayAsync());
        Assert.StartsWith("\uFEFFN°;Vote de la CPR;Signé le", csv);
        Assert.Contains("1;08/07/2016;20/07/2016;31/08/2016;31/12/2016", csv);

        var cookie = await factory.ClientAsCookieAsync(DemoAccounts.RegionFinance);
        var page = Plain(await cookie.GetStringAsync("/t/cher/budget?annee=2015"));
        Assert.Contains("Règles de la convention 2015-2016", page);
        Assert.Contains("Pas de subvention de coordination forfaitaire", page);
        Assert.Contains("prolongée par avenant jusqu'au 31/12/2016", page);
        Assert.Contains("Mission Locale Cher-Sud", page);
        Assert.Contains("voté par la CPR le 08/07/2016, signé le 20/07/2016", Plain(await cookie.GetStringAsync("/t/cher/budget/depenses?annee=2015")));
        Assert.Contains("voté par la CPR le 08/07/2016", Plain(await cookie.GetStringAsync("/t/cher/budget/etat?annee=2015")));
    }

    [Fact]
    public async Task No_two_agreements_of_a_local_SPRO_overlap_and_2016_is_either_an_extension_or_a_transition()
    {
        var finance = await factory.ClientAsAsync(DemoAccounts.RegionFinance);
        var cherSud = await StructureAsync("cher", "Mission Locale Cher-Sud");
        // The Cher's 2015-2016 runs to 31/12/2016 by amendment: no transition agreement beside it.
        var refused = await (await finance.PostAsJsonAsync("/api/territories/cher/budgets/agreements", new { year = 2016, carrierStructureId = cherSud.Id, requestDeadline = "2016-07-01" }))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(("year", "chevauchement"), (Field(refused), Rule(refused)));
        Assert.Contains("2015-2016", refused.GetProperty("detail").GetString());
        var civil = await (await finance.PostAsJsonAsync("/api/territories/cher/budgets/agreements", new { year = 2017, carrierStructureId = cherSud.Id, requestDeadline = "2017-01-13" }))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal(("2017-01-01", "2017-12-31"), (civil.GetProperty("startsOn").GetString(), civil.GetProperty("endsOn").GetString()));

        // Orléans had none: a transition agreement, then its 2015-2016 can no longer be extended over it.
        var ml = await StructureAsync("orleans", "Mission Locale d'Orléans");
        var transition = await (await finance.PostAsJsonAsync("/api/territories/orleans/budgets/agreements", new { year = 2016, carrierStructureId = ml.Id, requestDeadline = "2016-09-15" }))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal(("2016 (transition)", "2016-09-01", "2016-12-31"),
            (transition.GetProperty("yearLabel").GetString(), transition.GetProperty("startsOn").GetString(), transition.GetProperty("endsOn").GetString()));
        var school = await (await finance.PostAsJsonAsync("/api/territories/orleans/budgets/agreements", new { year = 2015, carrierStructureId = ml.Id, requestDeadline = "2015-10-01" }))
            .JsonAsync(HttpStatusCode.OK);
        var statement = await (await finance.GetAsync("/api/territories/orleans/budgets/requests/2015/spending")).JsonAsync(HttpStatusCode.OK);
        var extension = await (await finance.PostAsJsonAsync("/api/territories/orleans/budgets/agreements/2015/amendments", new
        {
            newEndsOn = "2016-12-31", cprVoteOn = "2016-07-08", signedOn = "2016-07-20", reason = "Conventions consommées à moins de 50 %", version = statement.GetProperty("agreementVersion").GetInt32(),
        })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(("newEndsOn", "chevauchement"), (Field(extension), Rule(extension)));
        Assert.Equal("2016-08-31", school.GetProperty("endsOn").GetString());
    }

    [Fact]
    public async Task A_second_envelope_for_the_same_department_and_period_is_confirmed_and_both_are_shown_with_their_total()
    {
        var finance = await factory.ClientAsAsync(DemoAccounts.RegionFinance);
        var cherSud = await StructureAsync("cher", "Mission Locale Cher-Sud");
        object Envelope(bool? confirm) => confirm is { } c
            ? new { territoryId = "departement-18", purpose = "Complément 2015/2016", amount = 15_000m, startsOn = "2015-09-01", endsOn = "2016-08-31", carrierStructureId = cherSud.Id, allottedOn = "2015-12-01", confirmSecond = c }
            : new { territoryId = "departement-18", purpose = "Complément 2015/2016", amount = 15_000m, startsOn = "2015-09-01", endsOn = "2016-08-31", carrierStructureId = cherSud.Id, allottedOn = "2015-12-01" };
        foreach (var unconfirmed in new[] { Envelope(null), Envelope(false) })
        {
            var asked = await (await finance.PostAsJsonAsync("/api/budgets/envelopes", unconfirmed)).JsonAsync(HttpStatusCode.BadRequest);
            Assert.Equal(("confirmSecond", "seconde-enveloppe"), (Field(asked), Rule(asked)));
            Assert.Contains("le total serait de 30 000,00 €", Plain(asked.GetProperty("detail").GetString()!));
        }
        Assert.Single((await (await finance.GetAsync("/api/budgets/envelopes?year=2015&department=18")).JsonAsync(HttpStatusCode.OK)).EnumerateArray());

        // The page asks for the confirmation, then allots on it.
        var cookie = await factory.ClientAsCookieAsync(DemoAccounts.RegionFinance);
        var fields = new Dictionary<string, string>
        {
            ["annee"] = "2015", ["territoryId"] = "departement-18", ["purpose"] = "Complément 2015/2016", ["amount"] = "15 000", ["startsOn"] = "2015-09-01", ["endsOn"] = "2016-08-31",
            ["carrierStructureId"] = cherSud.Id.ToString(), ["allottedOn"] = "2015-12-01",
        };
        var confirmation = await cookie.SubmitFormAsync("/budgets/enveloppes?annee=2015", fields);
        Assert.Equal(HttpStatusCode.OK, confirmation.StatusCode);
        var asking = Plain(await confirmation.Content.ReadAsStringAsync());
        Assert.Contains("Confirmer et allouer cette enveloppe de plus", asking);
        Assert.Contains("le total serait de 30 000,00 €", asking);
        fields["confirmSecond"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await cookie.SubmitFormAsync("/budgets/enveloppes?annee=2015", fields)).StatusCode);

        var both = (await (await finance.GetAsync("/api/budgets/envelopes?year=2015&department=18")).JsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.Equal((2, 30_000m), (both.Count, both.Sum(e => e.GetProperty("amount").GetDecimal())));
        var page = Plain(await cookie.GetStringAsync("/budgets/enveloppes?annee=2015"));
        Assert.Contains("Cher : 2 enveloppes", page);
        Assert.Contains("30 000,00 €", page);
        // Another department's envelope on the same days asks nothing.
        var orleans = await StructureAsync("orleans", "Mission Locale d'Orléans");
        await (await finance.PostAsJsonAsync("/api/budgets/envelopes", new { territoryId = "departement-45", purpose = "Projets", amount = 5_000m, startsOn = "2015-09-01", endsOn = "2016-08-31",
            carrierStructureId = orleans.Id, allottedOn = "2015-12-01" })).JsonAsync(HttpStatusCode.OK);
    }
}

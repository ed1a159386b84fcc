using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SproHub.Budgets.Data;
using SproHub.Shared.Data;
using SproHub.Testing;
using Xunit;

namespace Budgets.Tests;

/// <summary>The carrier's spending statement, the consumption rate, the extension amendment and the yearly closure, through the API.</summary>
[Collection(SharedPlatform.Name)]
public sealed class SpendingAndClosureTests(SproHubFactory factory) : IAsyncLifetime
{
    private const string Api = "/api/territories/indre-et-loire/budgets";
    private static readonly int Year = DateTime.Today.Year;

    public async Task InitializeAsync()
    {
        await factory.ResetAsync();
        // The demo's request of this year was filed in January and is decided below in February: be past March.
        if (DateTime.Today.Month <= 3) factory.Clock.Advance(new DateTime(Year, 4, 15) - DateTime.Today);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The Région grants every line as requested (6,000 + 4,500 of projects, 4,500 of coordination).</summary>
    private async Task<JsonElement> DecideAsync(HttpClient region)
    {
        var filed = await (await region.GetAsync($"{Api}/requests/{Year}")).JsonAsync(HttpStatusCode.OK);
        await (await region.PostAsJsonAsync($"{Api}/requests/{Year}/decision", new
        {
            cprVoteOn = $"{Year}-02-10", version = filed.GetProperty("version").GetInt32(),
            lines = filed.GetProperty("lines").EnumerateArray().Select(l => new { lineId = l.GetProperty("id").GetString(), granted = l.GetProperty("amount").GetDecimal() }),
        })).JsonAsync(HttpStatusCode.OK);
        return await (await region.GetAsync($"{Api}/requests/{Year}/spending")).JsonAsync(HttpStatusCode.OK);
    }

    private static object Spending(JsonElement statement, int line, decimal amount, string spentOn, string? reason = null, int? version = null) => new
    {
        lineId = statement.GetProperty("lines")[line].GetProperty("lineId").GetString(), spentOn, amount, label = "Facture n° 12 — location de salle", reason,
        version = version ?? statement.GetProperty("version").GetInt32(),
    };

    private static string Rule(JsonElement problem) => problem.GetProperty("rules")[0].GetProperty("rule").GetString()!;

    [Fact]
    public async Task The_carrier_reports_its_spending_line_by_line_and_the_consumption_rate_follows_the_dates()
    {
        var agent = await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCarrierAgent);
        var undecided = await (await agent.GetAsync($"{Api}/requests/{Year}/spending")).JsonAsync(HttpStatusCode.OK);
        Assert.False(undecided.GetProperty("mayRecord").GetBoolean());
        Assert.Equal("decision-requise", Rule(await (await agent.PostAsJsonAsync($"{Api}/requests/{Year}/spending", Spending(undecided, 0, 100m, $"{Year}-02-01"))).JsonAsync(HttpStatusCode.BadRequest)));

        var statement = await DecideAsync(await factory.ClientAsAsync(DemoAccounts.RegionFinance));
        statement = await (await agent.GetAsync($"{Api}/requests/{Year}/spending")).JsonAsync(HttpStatusCode.OK);
        Assert.True(statement.GetProperty("mayRecord").GetBoolean());
        Assert.Equal("hors-periode", Rule(await (await agent.PostAsJsonAsync($"{Api}/requests/{Year}/spending", Spending(statement, 0, 100m, $"{Year - 1}-12-31"))).JsonAsync(HttpStatusCode.BadRequest)));
        Assert.Equal("date-passee", Rule(await (await agent.PostAsJsonAsync($"{Api}/requests/{Year}/spending", Spending(statement, 0, 100m, SproHub.Shared.Territories.ParisTime.Today(factory.Clock).AddDays(2).ToString("yyyy-MM-dd")))).JsonAsync(HttpStatusCode.BadRequest)));
        Assert.Equal("centimes", Rule(await (await agent.PostAsJsonAsync($"{Api}/requests/{Year}/spending", Spending(statement, 0, 10.001m, $"{Year}-02-01"))).JsonAsync(HttpStatusCode.BadRequest)));

        statement = await (await agent.PostAsJsonAsync($"{Api}/requests/{Year}/spending", Spending(statement, 0, 1_500m, $"{Year}-02-01"))).JsonAsync(HttpStatusCode.OK);
        statement = await (await agent.PostAsJsonAsync($"{Api}/requests/{Year}/spending", Spending(statement, 1, 1_500m, $"{Year}-03-01"))).JsonAsync(HttpStatusCode.OK);
        // A mistake is corrected by a reasoned negative entry, never by an edit; never below zero on a line.
        Assert.Equal("correction-motivee", Rule(await (await agent.PostAsJsonAsync($"{Api}/requests/{Year}/spending", Spending(statement, 0, -500m, $"{Year}-03-05"))).JsonAsync(HttpStatusCode.BadRequest)));
        Assert.Equal("depense-negative", Rule(await (await agent.PostAsJsonAsync($"{Api}/requests/{Year}/spending", Spending(statement, 0, -1_500.01m, $"{Year}-03-05", "Doublon"))).JsonAsync(HttpStatusCode.BadRequest)));
        await (await agent.PostAsJsonAsync($"{Api}/requests/{Year}/spending", Spending(statement, 0, -500m, $"{Year}-03-05", "Facture saisie deux fois", version: 1))).JsonAsync(HttpStatusCode.Conflict);
        statement = await (await agent.PostAsJsonAsync($"{Api}/requests/{Year}/spending", Spending(statement, 0, -500m, $"{Year}-03-05", "Facture saisie deux fois"))).JsonAsync(HttpStatusCode.OK);

        Assert.Equal((2_500m, 1_000m, 3), (statement.GetProperty("spent").GetDecimal(), statement.GetProperty("lines")[0].GetProperty("spent").GetDecimal(), statement.GetProperty("entries").GetArrayLength()));
        // The rate at any date counts what was spent up to it: 1,500 of 15,000 on 15 February.
        var february = await (await agent.GetAsync($"{Api}/requests/{Year}/spending?at={Year}-02-15")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0.1m, february.GetProperty("consumption").GetDecimal());

        // The Région's entries on an open year are corrections, with their reason.
        var finance = await factory.ClientAsAsync(DemoAccounts.RegionFinance);
        Assert.Equal("correction-motivee", Rule(await (await finance.PostAsJsonAsync($"{Api}/requests/{Year}/spending", Spending(statement, 0, 100m, $"{Year}-03-01"))).JsonAsync(HttpStatusCode.BadRequest)));
        // The CIO's agent (not the carrier), a coordinator who is not the carrier's agent and another territory's coordinator are refused.
        await (await (await factory.ClientAsAsync(DemoAccounts.Coordinator("orleans"))).PostAsJsonAsync($"/api/territories/orleans/budgets/requests/{Year}/spending", Spending(statement, 0, 10m, $"{Year}-03-01"))).JsonAsync(HttpStatusCode.Forbidden);
        await (await (await factory.ClientAsAsync(DemoAccounts.IndreEtLoireMember)).PostAsJsonAsync($"{Api}/requests/{Year}/spending", Spending(statement, 0, 10m, $"{Year}-03-01"))).JsonAsync(HttpStatusCode.Forbidden);
        await (await (await factory.ClientAsAsync(DemoAccounts.CherCoordinator)).GetAsync($"{Api}/requests/{Year}/spending")).JsonAsync(HttpStatusCode.Forbidden);
        await (await factory.CreateClient().GetAsync($"{Api}/requests/{Year}/spending")).JsonAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_amendment_extends_the_agreement_only_under_half_consumed()
    {
        var region = await factory.ClientAsAsync(DemoAccounts.RegionFinance);
        var statement = await DecideAsync(region);
        var agent = await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCarrierAgent);
        statement = await (await agent.PostAsJsonAsync($"{Api}/requests/{Year}/spending", Spending(statement, 0, 7_000m, $"{Year}-02-01"))).JsonAsync(HttpStatusCode.OK);

        var voted = DateTime.Today.AddDays(-10).ToString("yyyy-MM-dd");
        object Extension(string end, int version) => new { newEndsOn = end, cprVoteOn = voted, signedOn = DateTime.Today.ToString("yyyy-MM-dd"), reason = "Forum reporté au printemps", version };
        await (await agent.PostAsJsonAsync($"{Api}/agreements/{Year}/amendments", Extension($"{Year + 1}-03-31", statement.GetProperty("agreementVersion").GetInt32()))).JsonAsync(HttpStatusCode.Forbidden);
        // The CPR vote that decided it is required, and comes before the signing.
        var unvoted = await (await region.PostAsJsonAsync($"{Api}/agreements/{Year}/amendments", new { newEndsOn = $"{Year + 1}-03-31", signedOn = DateTime.Today.ToString("yyyy-MM-dd"), reason = "Forum reporté",
            version = statement.GetProperty("agreementVersion").GetInt32() })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains(unvoted.GetProperty("rules").EnumerateArray(), r => r.GetProperty("field").GetString() == "cprVoteOn");
        var voteAfter = await (await region.PostAsJsonAsync($"{Api}/agreements/{Year}/amendments", new { newEndsOn = $"{Year + 1}-03-31", cprVoteOn = DateTime.Today.ToString("yyyy-MM-dd"),
            signedOn = DateTime.Today.AddDays(-1).ToString("yyyy-MM-dd"), reason = "Forum reporté", version = statement.GetProperty("agreementVersion").GetInt32() })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("vote-avant-signature", Rule(voteAfter));
        // Next year's agreement is open (the demo's): no extension reaches into it.
        var overlap = await (await region.PostAsJsonAsync($"{Api}/agreements/{Year}/amendments", Extension($"{Year + 1}-03-31", statement.GetProperty("agreementVersion").GetInt32()))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(("newEndsOn", "chevauchement"), (overlap.GetProperty("rules")[0].GetProperty("field").GetString(), Rule(overlap)));
        await factory.InTerritoryAsync("indre-et-loire", sp => sp.GetRequiredService<BudgetsDbContext>().Agreements.Where(a => a.Year == Year + 1).ExecuteDeleteAsync());
        Assert.Equal("prolongation", Rule(await (await region.PostAsJsonAsync($"{Api}/agreements/{Year}/amendments", Extension($"{Year}-12-31", statement.GetProperty("agreementVersion").GetInt32()))).JsonAsync(HttpStatusCode.BadRequest)));
        await (await region.PostAsJsonAsync($"{Api}/agreements/{Year}/amendments", Extension($"{Year + 1}-03-31", 99))).JsonAsync(HttpStatusCode.Conflict);
        var extended = await (await region.PostAsJsonAsync($"{Api}/agreements/{Year}/amendments", Extension($"{Year + 1}-03-31", statement.GetProperty("agreementVersion").GetInt32()))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal($"{Year + 1}-03-31", extended.GetProperty("endsOn").GetString());
        var amendment = extended.GetProperty("amendments")[0];
        Assert.Equal(($"{Year}-12-31", 0.4667m), (amendment.GetProperty("previousEndsOn").GetString(), amendment.GetProperty("consumptionRate").GetDecimal()));
        Assert.Equal(voted, amendment.GetProperty("cprVoteOn").GetString());

        // Past half the grant, no more extension (with the rate said).
        statement = await (await agent.PostAsJsonAsync($"{Api}/requests/{Year}/spending", Spending(extended, 1, 600m, $"{Year}-02-02"))).JsonAsync(HttpStatusCode.OK);
        var refused = await (await region.PostAsJsonAsync($"{Api}/agreements/{Year}/amendments", Extension($"{Year + 1}-06-30", statement.GetProperty("agreementVersion").GetInt32()))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("prolongation-50", Rule(refused));
        Assert.Contains("50,7", refused.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_closed_year_keeps_its_figures_and_takes_only_the_Région_s_reasoned_corrections()
    {
        var region = await factory.ClientAsAsync(DemoAccounts.RegionFinance);
        var statement = await DecideAsync(region);
        var agent = await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCarrierAgent);
        statement = await (await agent.PostAsJsonAsync($"{Api}/requests/{Year}/spending", Spending(statement, 0, 5_800m, $"{Year}-02-01"))).JsonAsync(HttpStatusCode.OK);
        statement = await (await agent.PostAsJsonAsync($"{Api}/requests/{Year}/spending", Spending(statement, 2, 4_500m, $"{Year}-02-01"))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("convention-en-cours", Rule(await (await region.PostAsJsonAsync($"{Api}/requests/{Year}/closure", new { version = statement.GetProperty("version").GetInt32() })).JsonAsync(HttpStatusCode.BadRequest)));

        factory.Clock.Advance(new DateTime(Year + 1, 1, 20) - factory.Clock.GetLocalNow().Date);
        region = await factory.ClientAsAsync(DemoAccounts.RegionFinance);
        agent = await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCarrierAgent);
        await (await agent.PostAsJsonAsync($"{Api}/requests/{Year}/closure", new { version = statement.GetProperty("version").GetInt32() })).JsonAsync(HttpStatusCode.Forbidden);
        var closed = await (await region.PostAsJsonAsync($"{Api}/requests/{Year}/closure", new { version = statement.GetProperty("version").GetInt32() })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(10_300m, closed.GetProperty("closedSpent").GetDecimal());
        Assert.StartsWith($"{Year + 1}-01-", closed.GetProperty("closedOn").GetString());
        await (await region.PostAsJsonAsync($"{Api}/requests/{Year}/closure", new { version = closed.GetProperty("version").GetInt32() })).JsonAsync(HttpStatusCode.Conflict);
        var redecide = await (await region.PostAsJsonAsync($"{Api}/requests/{Year}/decision", new { cprVoteOn = $"{Year}-02-10", version = closed.GetProperty("version").GetInt32(),
            lines = closed.GetProperty("lines").EnumerateArray().Select(l => new { lineId = l.GetProperty("lineId").GetString(), granted = 1m }) })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("annee-close", Rule(redecide));

        // Locked: the carrier no longer reports; the Région corrects only with a reason, beside the locked figures.
        Assert.Equal("annee-close", Rule(await (await agent.PostAsJsonAsync($"{Api}/requests/{Year}/spending", Spending(closed, 1, 100m, $"{Year}-11-01"))).JsonAsync(HttpStatusCode.BadRequest)));
        Assert.Equal("correction-motivee", Rule(await (await region.PostAsJsonAsync($"{Api}/requests/{Year}/spending", Spending(closed, 1, 100m, $"{Year}-11-01"))).JsonAsync(HttpStatusCode.BadRequest)));
        var corrected = await (await region.PostAsJsonAsync($"{Api}/requests/{Year}/spending", Spending(closed, 1, 100m, $"{Year}-11-01", "Facture de novembre reçue après la clôture"))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal((10_300m, 10_400m), (corrected.GetProperty("closedSpent").GetDecimal(), corrected.GetProperty("spent").GetDecimal()));
        Assert.True(corrected.GetProperty("entries").EnumerateArray().Last().GetProperty("afterClosure").GetBoolean());

        // YearClosed waits in the outbox for the indicators; the carrier's signatories and the coordinator are told.
        var events = await factory.InTerritoryAsync("indre-et-loire", async sp =>
            await sp.GetRequiredService<BudgetsDbContext>().Set<OutboxMessage>().Select(m => m.Type).ToListAsync());
        Assert.Contains(typeof(SproHub.Shared.Events.YearClosed).FullName, events);
        await factory.DispatchOutboxAsync();
        var mail = Assert.Single(factory.SentMails(), m => m.Subject?.StartsWith("Année close") == true && m.To.ToString().Contains(DemoAccounts.IndreEtLoireCoordinator));
        Assert.Contains("10 300,00", mail.TextBody!.Replace('\u202f', ' ').Replace('\u00a0', ' '));
    }
}

using System.Net;
using System.Net.Http.Json;
using SproHub.Testing;
using Xunit;

namespace Budgets.Tests;

/// <summary>The Région decides on a filed request, pays the advance in March, then the balance, never beyond the grant.</summary>
[Collection(SharedPlatform.Name)]
public sealed class DecisionAndPaymentTests(SproHubFactory factory) : IAsyncLifetime
{
    private const string Api = "/api/territories/indre-et-loire/budgets/requests";

    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_Région_grants_line_by_line_then_pays_the_advance_and_the_balance()
    {
        // The demo's request of this year was filed in January; March must have come (in January to March, move to April).
        var today = DateTime.Today;
        if (today.Month <= 3) factory.Clock.Advance(new DateTime(today.Year, 4, 15) - today);
        var year = today.Year;
        // The Région's finance officer, not an administrator: his role applies in every territory.
        var finance = await factory.ClientAsAsync(DemoAccounts.RegionFinance);
        var filed = await (await finance.GetAsync($"{Api}/{year}")).JsonAsync(HttpStatusCode.OK);
        var lines = filed.GetProperty("lines").EnumerateArray().ToList(); // 6,000 and 4,500 of projects, 4,500 of coordination
        var version = filed.GetProperty("version").GetInt32();

        var tooMuch = await (await finance.PostAsJsonAsync($"{Api}/{year}/decision", new { cprVoteOn = $"{year}-02-10", version,
            lines = lines.Select(l => new { lineId = l.GetProperty("id").GetString(), granted = l.GetProperty("amount").GetDecimal() + 1 }) })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("au-plus-demande", tooMuch.GetProperty("rules")[0].GetProperty("rule").GetString());
        // Granting less for the projects would leave the coordination above 30%: refused with the figure allowed.
        var cap = await (await finance.PostAsJsonAsync($"{Api}/{year}/decision", new { cprVoteOn = $"{year}-02-10", version,
            lines = lines.Select(l => new { lineId = l.GetProperty("id").GetString(), granted = l.GetProperty("kind").GetString() == "Coordination" ? 4_500m : 4_000m }) })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("coordination-30", cap.GetProperty("rules")[0].GetProperty("rule").GetString());
        var decided = await (await finance.PostAsJsonAsync($"{Api}/{year}/decision", new { cprVoteOn = $"{year}-02-10", version,
            lines = lines.Select(l => new { lineId = l.GetProperty("id").GetString(), granted = l.GetProperty("kind").GetString() == "Coordination" ? 4_000m : l.GetProperty("amount").GetDecimal() }) }))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal((14_500m, 7_250m), (decided.GetProperty("granted").GetDecimal(), decided.GetProperty("advance").GetDecimal()));

        var april = await (await finance.PostAsJsonAsync($"{Api}/{year}/payments", new { kind = "Advance", amount = 7_250m, paidOn = $"{year}-04-02", reference = "M-2026-001", version = decided.GetProperty("version").GetInt32() }))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("acompte-mars", april.GetProperty("rules")[0].GetProperty("rule").GetString());
        var advance = await (await finance.PostAsJsonAsync($"{Api}/{year}/payments", new { kind = "Advance", amount = 7_250m, paidOn = $"{year}-03-16", reference = "M-2026-001", version = decided.GetProperty("version").GetInt32() }))
            .JsonAsync(HttpStatusCode.OK);
        var beyond = await (await finance.PostAsJsonAsync($"{Api}/{year}/payments", new { kind = "Balance", amount = 7_250.01m, paidOn = $"{year}-03-20", reference = "M-2026-002", version = advance.GetProperty("version").GetInt32() }))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("au-dela-accorde", beyond.GetProperty("rules")[0].GetProperty("rule").GetString());
        // The balance is paid on justification: not beyond what the carrier declared spent.
        var unjustified = await (await finance.PostAsJsonAsync($"{Api}/{year}/payments", new { kind = "Balance", amount = 7_250m, paidOn = $"{year}-03-20", reference = "M-2026-002", version = advance.GetProperty("version").GetInt32() }))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("sur-justification", unjustified.GetProperty("rules")[0].GetProperty("rule").GetString());
        var agent = await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCarrierAgent);
        var statement = await (await agent.GetAsync($"{Api}/{year}/spending")).JsonAsync(HttpStatusCode.OK);
        var version2 = statement.GetProperty("version").GetInt32();
        foreach (var line in statement.GetProperty("lines").EnumerateArray())
        {
            var after = await (await agent.PostAsJsonAsync($"{Api}/{year}/spending", new { lineId = line.GetProperty("lineId").GetString(), spentOn = $"{year}-03-18", amount = line.GetProperty("granted").GetDecimal(), label = "Facture", version = version2 }))
                .JsonAsync(HttpStatusCode.OK);
            version2 = after.GetProperty("version").GetInt32();
        }
        var balance = await (await finance.PostAsJsonAsync($"{Api}/{year}/payments", new { kind = "Balance", amount = 7_250m, paidOn = $"{year}-03-20", reference = "M-2026-002", version = version2 }))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal((14_500m, 0m), (balance.GetProperty("paid").GetDecimal(), balance.GetProperty("leftToPay").GetDecimal()));

        // The carrier's agents and the territory read it; they never decide or pay.
        var carrier = await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCoordinator);
        Assert.Equal(2, (await (await carrier.GetAsync($"{Api}/{year}")).JsonAsync(HttpStatusCode.OK)).GetProperty("payments").GetArrayLength());
        await (await carrier.PostAsJsonAsync($"{Api}/{year}/payments", new { kind = "Balance", amount = 1m, paidOn = $"{year}-03-20", reference = "X", version = 1 })).JsonAsync(HttpStatusCode.Forbidden);
        await (await carrier.PostAsJsonAsync($"{Api}/{year}/decision", new { cprVoteOn = $"{year}-02-10", lines = Array.Empty<object>(), version = 1 })).JsonAsync(HttpStatusCode.Forbidden);
    }
}

[Collection(SharedPlatform.Name)]
public sealed class BudgetPageTests(SproHubFactory factory) : IAsyncLifetime
{
    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_Région_sees_the_decision_form_of_a_filed_request_and_the_territory_its_figures()
    {
        var page = WebUtility.HtmlDecode(await (await factory.ClientAsCookieAsync(DemoAccounts.RegionAdmin)).GetStringAsync($"/t/indre-et-loire/budget?annee={DateTime.Today.Year}"));
        Assert.Contains("Décision de la Région", page);
        Assert.Contains("Forum des métiers de Tours", page);
        var carrier = WebUtility.HtmlDecode(await (await factory.ClientAsCookieAsync(DemoAccounts.IndreEtLoireCarrierAgent)).GetStringAsync($"/t/indre-et-loire/budget?annee={DateTime.Today.Year}"));
        Assert.Contains("15 000,00", carrier.Replace('\u202f', ' ').Replace('\u00a0', ' '));
        Assert.DoesNotContain("Décision de la Région", carrier);
        // Another structure's agent is told the figures are the carrier's, and sees none.
        var member = WebUtility.HtmlDecode(await (await factory.ClientAsCookieAsync(DemoAccounts.IndreEtLoireMember)).GetStringAsync($"/t/indre-et-loire/budget?annee={DateTime.Today.Year}"));
        Assert.Contains("réservés à la structure porteuse", member);
        Assert.DoesNotContain("15 000,00", member.Replace('\u202f', ' ').Replace('\u00a0', ' '));
    }
}

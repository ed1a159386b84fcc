using System.Net;
using System.Net.Http.Json;
using System.Text;
using MiniExcelLibs;
using SproHub.Testing;
using Xunit;

namespace Budgets.Tests;

/// <summary>The year's figures as files (XLSX, CSV) and on paper, for those who may read them only.</summary>
[Collection(SharedPlatform.Name)]
public sealed class StatementExportTests(SproHubFactory factory) : IAsyncLifetime
{
    private static readonly int Year = DateTime.Today.Year;
    private static readonly string Api = $"/api/territories/indre-et-loire/budgets/requests/{Year}";

    public async Task InitializeAsync()
    {
        await factory.ResetAsync();
        if (DateTime.Today.Month <= 3) factory.Clock.Advance(new DateTime(Year, 4, 15) - DateTime.Today);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static string Plain(string text) => WebUtility.HtmlDecode(text).Replace('\u202f', ' ').Replace('\u00a0', ' ');

    [Fact]
    public async Task The_carrier_exports_its_request_payments_and_statement_and_prints_it()
    {
        var region = await factory.ClientAsAsync(DemoAccounts.RegionFinance);
        var filed = await (await region.GetAsync(Api)).JsonAsync(HttpStatusCode.OK);
        await (await region.PostAsJsonAsync($"{Api}/decision", new
        {
            cprVoteOn = $"{Year}-02-10", version = filed.GetProperty("version").GetInt32(),
            lines = filed.GetProperty("lines").EnumerateArray().Select(l => new { lineId = l.GetProperty("id").GetString(), granted = l.GetProperty("amount").GetDecimal() }),
        })).JsonAsync(HttpStatusCode.OK);
        var statement = await (await region.GetAsync($"{Api}/spending")).JsonAsync(HttpStatusCode.OK);
        var agent = await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCarrierAgent);
        await (await agent.PostAsJsonAsync($"{Api}/spending", new { lineId = statement.GetProperty("lines")[0].GetProperty("lineId").GetString(), spentOn = $"{Year}-02-01",
            amount = 1_234.56m, label = "Location du parc des expositions", version = statement.GetProperty("version").GetInt32() })).JsonAsync(HttpStatusCode.OK);

        var xlsx = await agent.GetAsync($"{Api}/export.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var workbook = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Demande", "Paiements", "État des dépenses", "Écritures", "Avenants"], workbook.GetSheetNames());
        var request = workbook.Query(useHeaderRow: true, sheetName: "Demande").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal((4, 15_000m), (request.Count, Convert.ToDecimal(request[^1]["Demandé (€)"])));
        var spending = workbook.Query(useHeaderRow: true, sheetName: "État des dépenses").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(1_234.56m, Convert.ToDecimal(spending[0]["Dépensé (€)"]));

        var csv = await agent.GetAsync($"{Api}/export.csv?table=ecritures");
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("\uFEFFDate;Projet ou action;Objet;Montant (€)", text);
        Assert.Contains($"01/02/{Year};Forum des métiers de Tours;Location du parc des expositions;1234,56", text);
        var unknown = await (await agent.GetAsync($"{Api}/export.csv?table=salaires")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("table", unknown.GetProperty("rules")[0].GetProperty("field").GetString());

        var printable = Plain(await (await factory.ClientAsCookieAsync(DemoAccounts.IndreEtLoireCarrierAgent)).GetStringAsync($"/t/indre-et-loire/budget/etat?annee={Year}"));
        Assert.Contains($"État récapitulatif provisoire — convention financière {Year}", printable);
        Assert.Contains("1 234,56 €", printable);
        var page = Plain(await (await factory.ClientAsCookieAsync(DemoAccounts.IndreEtLoireCarrierAgent)).GetStringAsync($"/t/indre-et-loire/budget/depenses?annee={Year}"));
        Assert.Contains("Déclarer une dépense", page);
        Assert.DoesNotContain("Clore l'année", page);
    }

    [Fact]
    public async Task Nobody_outside_the_carrier_the_coordinator_and_the_Région_gets_the_files()
    {
        var member = await factory.ClientAsAsync(DemoAccounts.IndreEtLoireMember);
        await (await member.GetAsync($"{Api}/export.xlsx")).JsonAsync(HttpStatusCode.Forbidden);
        await (await member.GetAsync($"{Api}/export.csv")).JsonAsync(HttpStatusCode.Forbidden);
        await (await (await factory.ClientAsAsync(DemoAccounts.CherCoordinator)).GetAsync($"{Api}/export.csv")).JsonAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.ClientAsCookieAsync(DemoAccounts.IndreEtLoireMember)).GetAsync($"/t/indre-et-loire/budget/etat?annee={Year}")).StatusCode);
        var page = Plain(await (await factory.ClientAsCookieAsync(DemoAccounts.IndreEtLoireMember)).GetStringAsync($"/t/indre-et-loire/budget/depenses?annee={Year}"));
        Assert.Contains("réservés à la structure porteuse", page);
        Assert.Equal(HttpStatusCode.OK, (await (await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCoordinator)).GetAsync($"{Api}/export.csv?table=paiements")).StatusCode);
    }
}

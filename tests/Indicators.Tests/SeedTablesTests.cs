using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using SproHub.Shared.Events;
using SproHub.Testing;
using Xunit;

namespace Indicators.Tests;

/// <summary>What seed 002's tables say, as the pages and the exports give it: one figure for 7bis, its rows, its years, its numbers.</summary>
[Collection(SharedPlatform.Name)]
public sealed class SeedTablesTests(SproHubFactory factory) : IAsyncLifetime
{
    private const string IndreEtLoire = "/api/territories/indre-et-loire/indicators/dashboards";
    private static readonly string[] SeedRows = ["Mission Locale", "CIO", "France Travail", "BIJ", "PIJ", "Cap emploi", "CAD", "Point A"];

    /// <summary>The demo's dashboards are last year's (submitted) and this year's (being filled).</summary>
    private static int ThisYear => DateTime.UtcNow.Year;

    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static decimal? Figure(JsonElement dashboard, string code) =>
        dashboard.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("lines").EnumerateArray())
            .Single(l => l.GetProperty("code").GetString() == code).GetProperty("figure") is { ValueKind: JsonValueKind.Object } f ? f.GetProperty("value").GetDecimal() : null;

    private static List<IDictionary<string, object>> Sheet(byte[] workbook, string sheet) =>
        new MemoryStream(workbook).Query(useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object>>().ToList();

    [Theory]
    [InlineData(-1, 22)] // Mission Locale 12, CIO 4, France Travail 4, BIJ 2
    [InlineData(0, 16)]  // Mission Locale 12, CIO 4: the other types have nothing saved, the directory's count is only a suggestion
    public async Task Indicator_7bis_is_one_figure_on_the_page_in_the_summary_and_in_its_sheet(int yearsAgo, int agents)
    {
        var year = ThisYear + yearsAgo;
        var coordinator = await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCoordinator);
        var dashboard = await (await coordinator.GetAsync($"{IndreEtLoire}/{year}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(agents, Figure(dashboard, "7bis"));
        var rows = dashboard.GetProperty("form").GetProperty("trainings").EnumerateArray().ToList();
        Assert.Equal(agents, rows.Sum(r => r.GetProperty("agents").ValueKind == JsonValueKind.Null ? 0 : r.GetProperty("agents").GetDecimal()));
        // The directory still suggests a count where nothing is saved.
        Assert.Contains(rows, r => r.GetProperty("agents").ValueKind == JsonValueKind.Null && r.GetProperty("inDirectory").GetInt32() > 0);

        var workbook = await (await coordinator.GetAsync($"{IndreEtLoire}/{year}/export.xlsx")).Content.ReadAsByteArrayAsync();
        var summary = Sheet(workbook, "Synthèse").Single(r => r["N°"] as string == "7bis");
        Assert.Equal(agents, Convert.ToDecimal(summary["Valeur"]));
        var column = Sheet(workbook, "Indicateurs 7-7bis-20").Select(r => r[$"Nombre d'agents dans les structures membres {year}"]).Where(v => v is not null).Sum(Convert.ToDecimal);
        Assert.Equal(agents, column);

        var page = WebUtility.HtmlDecode(await (await factory.ClientAsCookieAsync(DemoAccounts.IndreEtLoireCoordinator)).GetStringAsync($"/t/indre-et-loire/indicateurs?annee={year}"));
        Assert.Contains($"Agents des structures membres</th><td class=\"num\">{agents} agents</td>", page);
    }

    [Fact]
    public async Task The_export_has_seed_002_s_rows_in_its_order_several_years_side_by_side_and_rates_as_percentages()
    {
        var coordinator = await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCoordinator);
        var workbook = await (await coordinator.GetAsync($"{IndreEtLoire}/{ThisYear}/export.xlsx")).Content.ReadAsByteArrayAsync();
        var trainings = Sheet(workbook, "Indicateurs 7-7bis-20");
        Assert.Equal(SeedRows, trainings.Take(SeedRows.Length).Select(r => (string)r["Structures membres de votre réseau"]));
        // Last year beside this one, as the seed's tables run over 2016-2018.
        var france = trainings.Single(r => (string)r["Structures membres de votre réseau"] == "France Travail");
        Assert.Equal((2m, 4m, 0.5m), (Convert.ToDecimal(france[$"Agents formés {ThisYear - 1}"]), Convert.ToDecimal(france[$"Nombre d'agents dans les structures membres {ThisYear - 1}"]),
            Convert.ToDecimal(france[$"Part des agents formés {ThisYear - 1}"])));
        Assert.Null(france[$"Agents formés {ThisYear}"]);
        Assert.Equal([ThisYear - 1, ThisYear], Sheet(workbook, "Indicateurs 24-25").Select(r => Convert.ToInt32(r["Année"])));
        // Rates are numbers in Excel's percentage format, not fractions to read as such.
        using var zip = new ZipArchive(new MemoryStream(workbook));
        using var styles = new StreamReader(zip.GetEntry("xl/styles.xml")!.Open());
        Assert.Contains("formatCode=\"0.0%\"", await styles.ReadToEndAsync());
        var share = Sheet(workbook, "Synthèse").Single(r => r["N°"] as string == "20");
        Assert.IsNotType<string>(share["Taux"]);
        Assert.Null(share["Valeur"]);
    }

    [Fact]
    public async Task A_type_left_empty_saves_nothing_and_two_spellings_of_one_type_are_refused()
    {
        var coordinator = await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCoordinator);
        var current = await (await coordinator.GetAsync($"{IndreEtLoire}/2022")).JsonAsync(HttpStatusCode.OK);
        Assert.Null(Figure(current, "7bis"));
        var twice = await (await coordinator.PutAsJsonAsync($"{IndreEtLoire}/2022/form", new
        {
            trainings = new object[] { new { structureType = "Pôle emploi", trained = 1m, agents = 2m }, new { structureType = "France Travail", trained = 1m, agents = 3m } }, version = 0,
        })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("type-unique", twice.GetProperty("rules")[0].GetProperty("rule").GetString());
        var saved = await (await coordinator.PutAsJsonAsync($"{IndreEtLoire}/2022/form", new
        {
            trainings = new object[] { new { structureType = "Pôle emploi", trained = 1m, agents = 5m } }, version = 0,
        })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(5m, Figure(saved, "7bis"));
        var france = saved.GetProperty("form").GetProperty("trainings").EnumerateArray().Single(t => t.GetProperty("structureType").GetString() == "France Travail");
        Assert.Equal(5m, france.GetProperty("agents").GetDecimal());
        Assert.DoesNotContain(saved.GetProperty("form").GetProperty("trainings").EnumerateArray(), t => t.GetProperty("structureType").GetString() == "Pôle emploi");
    }

    [Fact]
    public async Task Pages_show_the_seed_s_numbers_and_french_labels_never_codes_and_an_average_computed()
    {
        const int year = 2019; // a year the demo leaves alone
        await factory.InScopeAsync(async sp =>
        {
            var mediator = sp.GetRequiredService<IMediator>();
            foreach (var (code, delta, id) in new[] { ("situations-examined", 1m, "a"), ("days-to-first-examination", 12m, "a"), ("situations-examined", 1m, "b"), ("days-to-first-examination", 21m, "b") })
                await mediator.Publish(new IndicatorValueRecorded(Guid.NewGuid(), DateTimeOffset.UtcNow, "cellule", code, "cher", new DateOnly(year, 3, 1), delta, $"{id}-{code}"));
            return 0;
        });
        var cher = await (await (await factory.ClientAsAsync(DemoAccounts.CherCoordinator)).GetAsync($"/api/territories/cher/indicators/dashboards/{year}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(16.5m, Figure(cher, "cellule.days-to-first-examination")); // (12 + 21) / 2 situations, not 33 « cumulated »

        var territoryPage = WebUtility.HtmlDecode(await (await factory.ClientAsCookieAsync(DemoAccounts.CherCoordinator)).GetStringAsync($"/t/cher/indicateurs?annee={year}"));
        Assert.Contains("Délai moyen entre le dépôt et le premier examen</th><td class=\"num\">16,5 jours</td>", territoryPage);
        Assert.Contains("<td>7bis</td><th scope=\"row\">Agents des structures membres</th>", territoryPage);
        var regionPage = WebUtility.HtmlDecode(await (await factory.ClientAsCookieAsync(DemoAccounts.RegionAdmin)).GetStringAsync($"/indicateurs?annee={year}"));
        Assert.Contains("7bis — Agents des structures membres", regionPage);
        Assert.Contains("Subvention accordée par la Région", regionPage);
        foreach (var page in new[] { territoryPage, regionPage })
            foreach (var code in new[] { "cellule.", "clips.", "budget-accorde", "mode-emploi.", "ma-boite.", "comete.", "÷" })
                Assert.DoesNotContain(code, page);
        var compare = WebUtility.HtmlDecode(await (await factory.ClientAsCookieAsync(DemoAccounts.RegionAdmin)).GetStringAsync($"/indicateurs/comparer?territoires=cher&de={year}&a={year}"));
        Assert.Contains("Délai moyen entre le dépôt et le premier examen", compare);
        Assert.DoesNotContain("cellule.", compare);
    }
}

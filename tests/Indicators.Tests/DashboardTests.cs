using System.Net;
using System.Text.Json;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using SproHub.Shared.Events;
using SproHub.Testing;
using Xunit;

namespace Indicators.Tests;

/// <summary>Dashboards that fill themselves from the platform's events, for the territory and rolled up for the Région.</summary>
[Collection(SharedPlatform.Name)]
public sealed class DashboardTests(SproHubFactory factory) : IAsyncLifetime
{
    private const int Year = 2025;

    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>As the outbox delivers them: each event published once, in a scope of its own.</summary>
    private Task PublishAsync(params IIntegrationEvent[] events) => factory.InScopeAsync(async sp =>
    {
        foreach (var e in events) await sp.GetRequiredService<IMediator>().Publish(e);
        return 0;
    });

    private static MeetingHeld Meeting(string territory, Guid id, int month, int invited, int participating, DateTimeOffset? told = null) =>
        new(Guid.NewGuid(), told ?? DateTimeOffset.UtcNow, territory, id, "LocalCommittee", $"Comité de {month:00}/{Year}", new DateOnly(Year, month, 10), invited, participating);

    private static JsonElement Line(JsonElement dashboard, string code) =>
        dashboard.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("lines").EnumerateArray()).Single(l => l.GetProperty("code").GetString() == code);

    [Fact]
    public async Task Meetings_and_attendance_fill_the_territory_s_dashboard_and_a_replay_changes_nothing()
    {
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        var corrected = Meeting("indre-et-loire", first, 3, 10, 8, DateTimeOffset.UtcNow.AddMinutes(5));
        var events = new IIntegrationEvent[]
        {
            Meeting("indre-et-loire", first, 3, 10, 6), corrected, Meeting("indre-et-loire", second, 6, 20, 10),
            Meeting("cher", Guid.NewGuid(), 4, 5, 5),
        };
        await PublishAsync(events);
        await PublishAsync(events.Reverse().ToArray()); // replayed, in another order: the older telling never wins

        var coordinator = await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCoordinator);
        var dashboard = await (await coordinator.GetAsync($"/api/territories/indre-et-loire/indicators/dashboards/{Year}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2m, Line(dashboard, "1").GetProperty("figure").GetProperty("value").GetDecimal());
        var attendance = Line(dashboard, "2").GetProperty("figure");
        Assert.Equal((18m, 30m, 0.6m), (attendance.GetProperty("numerator").GetDecimal(), attendance.GetProperty("denominator").GetDecimal(), attendance.GetProperty("value").GetDecimal()));
        Assert.Equal(["Comité de 03/2025", "Comité de 06/2025"], dashboard.GetProperty("meetings").EnumerateArray().Select(m => m.GetProperty("subject").GetString()));
        Assert.Equal("Events", Line(dashboard, "1").GetProperty("source").GetString());
        Assert.Equal(3, dashboard.GetProperty("sections").GetArrayLength());
    }

    [Fact]
    public async Task The_Région_s_rollup_adds_numerators_and_denominators_and_leaves_out_plugins_where_they_are_off()
    {
        // Indre-et-Loire 18/30 (60 %), Cher 5/5 (100 %): the department of each is itself; the Région is 23/35, not the average 80 %.
        await PublishAsync(Meeting("indre-et-loire", Guid.NewGuid(), 3, 10, 8), Meeting("indre-et-loire", Guid.NewGuid(), 6, 20, 10), Meeting("cher", Guid.NewGuid(), 4, 5, 5),
            new IndicatorValueRecorded(Guid.NewGuid(), DateTimeOffset.UtcNow, "comete", "shows-broadcast", "loir-et-cher", new DateOnly(Year, 5, 2), 1, "show-1"),
            new IndicatorValueRecorded(Guid.NewGuid(), DateTimeOffset.UtcNow, "comete", "shows-broadcast", "loir-et-cher", new DateOnly(Year, 5, 9), 1, "show-2"));
        var region = await factory.ClientAsAsync(DemoAccounts.RegionAdmin);
        var rollup = await (await region.GetAsync($"/api/indicators/dashboards/{Year}")).JsonAsync(HttpStatusCode.OK);
        var lines = rollup.GetProperty("lines").EnumerateArray().ToDictionary(l => l.GetProperty("code").GetString()!);
        var attendance = lines["2"].GetProperty("figures");
        Assert.Equal((23m, 35m), (attendance.GetProperty("region").GetProperty("numerator").GetDecimal(), attendance.GetProperty("region").GetProperty("denominator").GetDecimal()));
        Assert.Equal(23m / 35m, attendance.GetProperty("region").GetProperty("value").GetDecimal());
        Assert.Equal(0.6m, attendance.GetProperty("departement-37").GetProperty("value").GetDecimal());
        Assert.Equal(3m, lines["1"].GetProperty("figures").GetProperty("region").GetProperty("value").GetDecimal());

        // COMETE runs in Loir-et-Cher only in the demo: its indicator is absent (not zero) elsewhere.
        var shows = lines["comete.shows-broadcast"].GetProperty("figures");
        Assert.Equal(2m, shows.GetProperty("loir-et-cher").GetProperty("value").GetDecimal());
        Assert.Equal(JsonValueKind.Null, shows.GetProperty("cher").ValueKind);
        Assert.Equal(2m, shows.GetProperty("region").GetProperty("value").GetDecimal());
        // The same rollup as files for the Région; nobody else gets them.
        var csv = System.Text.Encoding.UTF8.GetString(await (await region.GetAsync($"/api/indicators/dashboards/{Year}/export.csv")).Content.ReadAsByteArrayAsync());
        Assert.StartsWith("\uFEFFQuestion;N°;Indicateur;Unité;SPRO du Cher;", csv);
        Assert.Contains(";Région", csv.Split('\n')[0]);
        // Rates as percentages beside their unit (23 / 35 = 65.7 %), not as fractions.
        var attendanceRow = csv.Split('\n').Single(r => r.Contains(";Taux de présence aux réunions;")).TrimEnd('\r').Split(';');
        Assert.Equal(("%", "65,7"), (attendanceRow[3], attendanceRow[^1]));
        var workbook = new MemoryStream(await (await region.GetAsync($"/api/indicators/dashboards/{Year}/export.xlsx?department=37")).Content.ReadAsByteArrayAsync());
        Assert.Equal([$"Indicateurs {Year}"], MiniExcelLibs.MiniExcel.GetSheetNames(workbook));
        await (await (await factory.ClientAsAsync(DemoAccounts.CherCoordinator)).GetAsync($"/api/indicators/dashboards/{Year}/export.csv")).JsonAsync(HttpStatusCode.Forbidden);
        var cher = await (await (await factory.ClientAsAsync(DemoAccounts.CherCoordinator)).GetAsync($"/api/territories/cher/indicators/dashboards/{Year}")).JsonAsync(HttpStatusCode.OK);
        // Nor in Cher's exports; COMETE's are in Loir-et-Cher's.
        var cherCsv = System.Text.Encoding.UTF8.GetString(await (await (await factory.ClientAsAsync(DemoAccounts.CherCoordinator)).GetAsync($"/api/territories/cher/indicators/dashboards/{Year}/export.csv")).Content.ReadAsByteArrayAsync());
        Assert.DoesNotContain("Émissions diffusées", cherCsv);
        Assert.Contains(";Émissions diffusées;", System.Text.Encoding.UTF8.GetString(await (await (await factory.ClientAsAsync(DemoAccounts.LoirEtCherCoordinator))
            .GetAsync($"/api/territories/loir-et-cher/indicators/dashboards/{Year}/export.csv")).Content.ReadAsByteArrayAsync()));
        var catalogue = await (await (await factory.ClientAsAsync(DemoAccounts.LoirEtCherCoordinator)).GetAsync("/api/territories/loir-et-cher/indicators/catalogue")).JsonAsync(HttpStatusCode.OK);
        var share = catalogue.EnumerateArray().Single(d => d.GetProperty("code").GetString() == "20");
        Assert.Equal(("ActorsKnowEachOther", "agents formés (7)", "Form"), (share.GetProperty("question").GetString(), share.GetProperty("numerator").GetString(), share.GetProperty("source").GetString()));
        Assert.Contains(catalogue.EnumerateArray(), d => d.GetProperty("code").GetString() == "comete.shows-broadcast");
        Assert.DoesNotContain((await (await (await factory.ClientAsAsync(DemoAccounts.CherCoordinator)).GetAsync("/api/territories/cher/indicators/catalogue")).JsonAsync(HttpStatusCode.OK)).EnumerateArray(),
            d => d.GetProperty("code").GetString() == "comete.shows-broadcast");
        Assert.DoesNotContain(cher.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("lines").EnumerateArray()), l => l.GetProperty("moduleId").GetString() == "comete");
    }

    [Fact]
    public async Task Only_the_territory_s_coordinator_and_the_Région_see_the_figures()
    {
        await (await factory.CreateClient().GetAsync($"/api/territories/indre-et-loire/indicators/dashboards/{Year}")).JsonAsync(HttpStatusCode.Unauthorized);
        await (await (await factory.ClientAsAsync(DemoAccounts.CherCoordinator)).GetAsync($"/api/territories/indre-et-loire/indicators/dashboards/{Year}")).JsonAsync(HttpStatusCode.Forbidden);
        await (await (await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCoordinator)).GetAsync($"/api/indicators/dashboards/{Year}")).JsonAsync(HttpStatusCode.Forbidden);
        // The Région's views and its rebuild are the Région's: no member, no coordinator.
        var member = await factory.ClientAsAsync(DemoAccounts.IndreEtLoireMember);
        await (await member.GetAsync($"/api/indicators/dashboards/{Year}")).JsonAsync(HttpStatusCode.Forbidden);
        await (await member.GetAsync($"/api/indicators/comparison?territories=indre-et-loire&from={Year}&to={Year}")).JsonAsync(HttpStatusCode.Forbidden);
        await (await member.GetAsync($"/api/indicators/dashboards/{Year}/export.xlsx")).JsonAsync(HttpStatusCode.Forbidden);
        await (await member.PostAsync("/api/indicators/facts/rebuild", null)).JsonAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.ClientAsCookieAsync(DemoAccounts.IndreEtLoireCoordinator)).GetAsync("/indicateurs")).StatusCode);
        var bad = await (await (await factory.ClientAsAsync(DemoAccounts.RegionAdmin)).GetAsync("/api/indicators/dashboards/1900")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("year", bad.GetProperty("rules")[0].GetProperty("field").GetString());
        var page = WebUtility.HtmlDecode(await (await factory.ClientAsCookieAsync(DemoAccounts.IndreEtLoireCoordinator)).GetStringAsync($"/t/indre-et-loire/indicateurs?annee={Year}"));
        Assert.Contains("Question 1 — Les acteurs du SPRO se connaissent-ils bien ?", page);
        // A member is told the year is not approved yet (and can go to another); another territory's coordinator is refused.
        var memberPage = WebUtility.HtmlDecode(await (await factory.ClientAsCookieAsync(DemoAccounts.IndreEtLoireMember)).GetStringAsync($"/t/indre-et-loire/indicateurs?annee={Year}"));
        Assert.Contains("pas encore approuvé", memberPage);
        Assert.DoesNotContain("Question 1", memberPage);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.ClientAsCookieAsync(DemoAccounts.CherCoordinator)).GetAsync($"/t/indre-et-loire/indicateurs?annee={Year}")).StatusCode);
        var regionPage = WebUtility.HtmlDecode(await (await factory.ClientAsCookieAsync(DemoAccounts.RegionAdmin)).GetStringAsync($"/indicateurs?annee={Year}"));
        Assert.Contains("SPRO d'Indre-et-Loire", regionPage);
    }

    [Fact]
    public async Task The_demo_s_own_events_fill_the_means_indicators_and_the_Région_compares_territories_over_years()
    {
        await factory.DispatchOutboxAsync(); // the demo's meetings and budgets, as the background dispatcher would
        var year = SproHub.Shared.Territories.ParisTime.Today(factory.Clock).Year;
        var cher = await (await (await factory.ClientAsAsync(DemoAccounts.CherCoordinator)).GetAsync($"/api/territories/cher/indicators/dashboards/{year}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(15_000m, Line(cher, "budget-accorde").GetProperty("figure").GetProperty("value").GetDecimal());
        var lastYear = await (await (await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCoordinator)).GetAsync($"/api/territories/indre-et-loire/indicators/dashboards/{year - 1}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Submitted", lastYear.GetProperty("status").GetString());

        var region = await factory.ClientAsAsync(DemoAccounts.RegionAdmin);
        var compared = await (await region.GetAsync($"/api/indicators/comparison?territories=cher&territories=indre-et-loire&from={year - 1}&to={year}")).JsonAsync(HttpStatusCode.OK);
        var columns = compared.GetProperty("columns").EnumerateArray().Select(c => $"{c.GetProperty("territoryId").GetString()} {c.GetProperty("year").GetInt32()}").ToList();
        Assert.Equal([$"cher {year - 1}", $"cher {year}", $"indre-et-loire {year - 1}", $"indre-et-loire {year}"], columns);
        var granted = compared.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("code").GetString() == "budget-accorde").GetProperty("figures");
        Assert.Equal(15_000m, granted[1].GetProperty("value").GetDecimal());
        var refused = await (await region.GetAsync($"/api/indicators/comparison?territories=cher&territories=departement-18&from={year}&to={year}")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("spro-local", refused.GetProperty("rules")[0].GetProperty("rule").GetString());
        await (await region.GetAsync($"/api/indicators/comparison?territories=&from={year}&to={year}")).JsonAsync(HttpStatusCode.BadRequest);
        await (await (await factory.ClientAsAsync(DemoAccounts.CherCoordinator)).GetAsync($"/api/indicators/comparison?territories=cher&from={year}&to={year}")).JsonAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Replaying_every_event_at_once_in_another_order_rebuilds_the_same_figures()
    {
        var meeting = Guid.NewGuid();
        IIntegrationEvent[] events =
        [
            Meeting("indre-et-loire", meeting, 3, 10, 6, DateTimeOffset.UtcNow), Meeting("indre-et-loire", meeting, 3, 10, 9, DateTimeOffset.UtcNow.AddMinutes(1)),
            Meeting("cher", Guid.NewGuid(), 5, 12, 7),
            new IndicatorValueRecorded(Guid.NewGuid(), DateTimeOffset.UtcNow, "comete", "replay-views", "loir-et-cher", new DateOnly(Year, 2, 1), 3, "replay-1"),
            new IndicatorValueRecorded(Guid.NewGuid(), DateTimeOffset.UtcNow, "comete", "replay-views", "loir-et-cher", new DateOnly(Year, 2, 2), 2, "replay-1"),
            new SubsidyGranted(Guid.NewGuid(), new DateOnly(Year, 2, 10), "cher", Year, 16_000m, 15_000m, 4_000m, DateTimeOffset.UtcNow),
            new PaymentMade(Guid.NewGuid(), "cher", Year, "Advance", 7_500m, new DateOnly(Year, 3, 16), 7_500m, 15_000m, DateTimeOffset.UtcNow.AddMinutes(1)),
            new PaymentMade(Guid.NewGuid(), "cher", Year, "Balance", 6_000m, new DateOnly(Year + 1, 2, 1), 13_500m, 15_000m, DateTimeOffset.UtcNow.AddMinutes(2)),
            new YearClosed(Guid.NewGuid(), "cher", Year, new DateOnly(Year + 1, 1, 20), 15_000m, 13_500m, 13_500m, [], DateTimeOffset.UtcNow.AddMinutes(3)),
        ];
        var region = await factory.ClientAsAsync(DemoAccounts.RegionAdmin);
        async Task<string> FiguresAsync() => (await (await region.GetAsync($"/api/indicators/dashboards/{Year}")).JsonAsync(HttpStatusCode.OK)).GetProperty("lines").GetRawText();

        await PublishAsync(events);
        var delivered = await FiguresAsync();
        var consumption = JsonDocument.Parse(delivered).RootElement.EnumerateArray().Single(l => l.GetProperty("code").GetString() == "budget-consommation");
        Assert.Equal(0.9m, consumption.GetProperty("figures").GetProperty("cher").GetProperty("value").GetDecimal());

        await factory.ResetAsync();
        region = await factory.ClientAsAsync(DemoAccounts.RegionAdmin);
        await factory.InScopeAsync(async sp =>
        {
            // Everything at once, backwards and twice over, as a replay of the outboxes would bring it.
            await sp.GetRequiredService<SproHub.Indicators.Facts.FactIngestor>().IngestAsync(events.Reverse().Concat(events).ToList(), CancellationToken.None);
            return 0;
        });
        Assert.Equal(delivered, await FiguresAsync());
    }

    [Fact]
    public async Task The_Région_rebuilds_every_fact_from_the_events_the_modules_kept_and_gets_the_same_figures()
    {
        await factory.DispatchOutboxAsync(); // the demo's meetings and budgets, delivered as they happened
        var year = SproHub.Shared.Territories.ParisTime.Today(factory.Clock).Year;
        var region = await factory.ClientAsAsync(DemoAccounts.RegionAdmin);
        async Task<string> FiguresAsync() => (await (await region.GetAsync($"/api/indicators/dashboards/{year}")).JsonAsync(HttpStatusCode.OK)).GetProperty("lines").GetRawText();
        var delivered = await FiguresAsync();

        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SproHub.Indicators.Data.IndicatorsDbContext>();
            await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ExecuteDeleteAsync(db.Meetings);
            return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ExecuteDeleteAsync(db.Budgets);
        });
        Assert.NotEqual(delivered, await FiguresAsync());

        await (await (await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCoordinator)).PostAsync("/api/indicators/facts/rebuild", null)).JsonAsync(HttpStatusCode.Forbidden);
        var rebuilt = await (await region.PostAsync("/api/indicators/facts/rebuild", null)).JsonAsync(HttpStatusCode.OK);
        Assert.True(rebuilt.GetProperty("events").GetInt32() > 0);
        Assert.Equal(delivered, await FiguresAsync());
    }
}

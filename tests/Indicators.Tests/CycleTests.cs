using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MiniExcelLibs;
using SproHub.Testing;
using Xunit;

namespace Indicators.Tests;

/// <summary>The yearly cycle: the coordinator completes and submits, the Région approves and locks, a correction is a new reasoned version.</summary>
[Collection(SharedPlatform.Name)]
public sealed class CycleTests(SproHubFactory factory) : IAsyncLifetime
{
    private const int Year = 2023; // a year the demo leaves alone
    private const string Api = "/api/territories/indre-et-loire/indicators/dashboards/2023";

    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static object Form(int version, decimal mlTrained = 6, decimal fte = 0.8m) => new
    {
        trainings = new object[] { new { structureType = "Mission Locale", trained = mlTrained, agents = 8m }, new { structureType = "CIO", trained = 1m, agents = 2m } },
        coordinatingStructure = "Mission Locale de Tours", coordinationAgents = 2m, coordinationFte = fte, version,
    };

    private static JsonElement Line(JsonElement dashboard, string code) =>
        dashboard.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("lines").EnumerateArray()).Single(l => l.GetProperty("code").GetString() == code).GetProperty("figure");

    private static string Rule(JsonElement problem) => problem.GetProperty("rules")[0].GetProperty("rule").GetString()!;

    [Fact]
    public async Task A_year_is_completed_submitted_approved_locked_and_corrected_by_a_new_version()
    {
        var coordinator = await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCoordinator);
        var empty = await (await coordinator.GetAsync(Api)).JsonAsync(HttpStatusCode.OK);
        // The directory's agents per type of structure are offered to start from.
        Assert.Contains(empty.GetProperty("form").GetProperty("trainings").EnumerateArray(), t => t.GetProperty("structureType").GetString() == "Mission Locale" && t.GetProperty("inDirectory").GetInt32() > 0);

        Assert.Equal("formes-au-plus-agents", Rule(await (await coordinator.PutAsJsonAsync($"{Api}/form", Form(0, mlTrained: 9))).JsonAsync(HttpStatusCode.BadRequest)));
        Assert.Equal("etp-au-plus-agents", Rule(await (await coordinator.PutAsJsonAsync($"{Api}/form", Form(0, fte: 2.5m))).JsonAsync(HttpStatusCode.BadRequest)));
        var saved = await (await coordinator.PutAsJsonAsync($"{Api}/form", Form(0))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal((7m, 10m, 0.7m), (Line(saved, "20").GetProperty("numerator").GetDecimal(), Line(saved, "20").GetProperty("denominator").GetDecimal(), Line(saved, "20").GetProperty("value").GetDecimal()));
        Assert.Equal(0.8m, Line(saved, "25").GetProperty("value").GetDecimal());
        await (await coordinator.PutAsJsonAsync($"{Api}/form", Form(99))).JsonAsync(HttpStatusCode.Conflict);
        // Only the territory's coordinator types it: not a member, not the Région (which approves what it did not write).
        await (await (await factory.ClientAsAsync(DemoAccounts.IndreEtLoireMember)).PutAsJsonAsync($"{Api}/form", Form(saved.GetProperty("version").GetInt32()))).JsonAsync(HttpStatusCode.Forbidden);
        await (await (await factory.ClientAsAsync(DemoAccounts.RegionAdmin)).PutAsJsonAsync($"{Api}/form", Form(saved.GetProperty("version").GetInt32()))).JsonAsync(HttpStatusCode.Forbidden);
        await (await (await factory.ClientAsAsync(DemoAccounts.CherCoordinator)).PutAsJsonAsync($"{Api}/form", Form(saved.GetProperty("version").GetInt32()))).JsonAsync(HttpStatusCode.Forbidden);
        var nameless = await (await coordinator.PutAsJsonAsync($"{Api}/form", new { trainings = new object[] { new { structureType = (string?)null, trained = 1m, agents = 2m } }, version = saved.GetProperty("version").GetInt32() }))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("trainings[0].structureType", nameless.GetProperty("rules")[0].GetProperty("field").GetString(), ignoreCase: true);

        // Members see nothing before the Région approves; the coordinator does not approve.
        var member = await factory.ClientAsAsync(DemoAccounts.IndreEtLoireMember);
        await (await member.GetAsync(Api)).JsonAsync(HttpStatusCode.Forbidden);
        var submitted = await (await coordinator.PostAsJsonAsync($"{Api}/submission", new { version = saved.GetProperty("version").GetInt32() })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Submitted", submitted.GetProperty("status").GetString());
        await factory.DispatchOutboxAsync();
        Assert.Contains(factory.SentMails(), m => m.Subject == "Tableau de bord 2023 soumis — SPRO d'Indre-et-Loire" && m.To.ToString().Contains(DemoAccounts.RegionAdmin));
        await (await coordinator.PostAsJsonAsync($"{Api}/approval", new { version = submitted.GetProperty("version").GetInt32() })).JsonAsync(HttpStatusCode.Forbidden);
        var region = await factory.ClientAsAsync(DemoAccounts.RegionAdmin);
        var approved = await (await region.PostAsJsonAsync($"{Api}/approval", new { version = submitted.GetProperty("version").GetInt32() })).JsonAsync(HttpStatusCode.OK);
        Assert.True(approved.GetProperty("showsApproved").GetBoolean());
        await factory.DispatchOutboxAsync();
        Assert.Contains(factory.SentMails(), m => m.Subject == "Tableau de bord 2023 approuvé — SPRO d'Indre-et-Loire" && m.To.ToString().Contains(DemoAccounts.IndreEtLoireCoordinator));

        var read = await (await member.GetAsync(Api)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0.7m, Line(read, "20").GetProperty("value").GetDecimal());
        Assert.False(read.GetProperty("mayEdit").GetBoolean());
        Assert.Contains(read.GetProperty("form").GetProperty("trainings").EnumerateArray(), t => t.GetProperty("structureType").GetString() == "CIO" && t.GetProperty("trained").GetDecimal() == 1m);

        // Locked: a change is a new version with its reason; the Région's rollup keeps the approved figures meanwhile.
        Assert.Equal("tableau-approuve", Rule(await (await coordinator.PutAsJsonAsync($"{Api}/form", Form(approved.GetProperty("version").GetInt32(), mlTrained: 8))).JsonAsync(HttpStatusCode.BadRequest)));
        Assert.Equal("reason", (await (await coordinator.PostAsJsonAsync($"{Api}/correction", new { reason = "", version = approved.GetProperty("version").GetInt32() })).JsonAsync(HttpStatusCode.BadRequest))
            .GetProperty("rules")[0].GetProperty("field").GetString());
        var correcting = await (await coordinator.PostAsJsonAsync($"{Api}/correction", new { reason = "Deux conseillères de Chinon oubliées", version = approved.GetProperty("version").GetInt32() }))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal((2, "Draft"), (correcting.GetProperty("number").GetInt32(), correcting.GetProperty("status").GetString()));
        var corrected = await (await coordinator.PutAsJsonAsync($"{Api}/form", Form(correcting.GetProperty("version").GetInt32(), mlTrained: 8))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0.9m, Line(corrected, "20").GetProperty("value").GetDecimal());
        var rollup = await (await region.GetAsync($"/api/indicators/dashboards/{Year}?department=37")).JsonAsync(HttpStatusCode.OK);
        var share = rollup.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("code").GetString() == "20").GetProperty("figures").GetProperty("indre-et-loire");
        Assert.Equal(0.7m, share.GetProperty("value").GetDecimal());
        // Members still read the approved version 1.
        Assert.Equal(0.7m, Line(await (await member.GetAsync(Api)).JsonAsync(HttpStatusCode.OK), "20").GetProperty("value").GetDecimal());

        var resubmitted = await (await coordinator.PostAsJsonAsync($"{Api}/submission", new { version = corrected.GetProperty("version").GetInt32() })).JsonAsync(HttpStatusCode.OK);
        var second = await (await region.PostAsJsonAsync($"{Api}/approval", new { version = resubmitted.GetProperty("version").GetInt32() })).JsonAsync(HttpStatusCode.OK);
        var versions = second.GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal([1, 2], versions.Select(v => v.GetProperty("number").GetInt32()));
        Assert.Equal("Deux conseillères de Chinon oubliées", versions[1].GetProperty("correctionReason").GetString());
    }

    [Fact]
    public async Task The_dashboard_exports_in_the_Région_s_layout_and_prints()
    {
        var coordinator = await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCoordinator);
        await (await coordinator.PutAsJsonAsync($"{Api}/form", Form(0))).JsonAsync(HttpStatusCode.OK);
        var workbook = new MemoryStream(await (await coordinator.GetAsync($"{Api}/export.xlsx")).Content.ReadAsByteArrayAsync());
        Assert.Equal(["Synthèse", "Indicateurs 1-2", "Indicateurs 7-7bis-20", "Indicateurs 24-25"], workbook.GetSheetNames());
        var trainings = workbook.Query(useHeaderRow: true, sheetName: "Indicateurs 7-7bis-20").Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(trainings, t => (string)t["Structures membres de votre réseau"] == "Mission Locale" && Convert.ToDecimal(t["Nombre d'agents dans les structures membres 2023"]) == 8m);
        var csv = System.Text.Encoding.UTF8.GetString(await (await coordinator.GetAsync($"{Api}/export.csv")).Content.ReadAsByteArrayAsync());
        Assert.StartsWith("\uFEFFQuestion;N°;Indicateur;Valeur;Taux", csv);
        Assert.True(csv.Contains("1;20;Part des agents formés ou professionnalisés;;70,0 %;%;7;10;saisie"), csv);
        var page = WebUtility.HtmlDecode(await (await factory.ClientAsCookieAsync(DemoAccounts.IndreEtLoireCoordinator)).GetStringAsync($"/t/indre-et-loire/indicateurs/imprimer?annee={Year}"));
        Assert.Contains("Tableau de bord d'évaluation 2023", page);
        await (await (await factory.ClientAsAsync(DemoAccounts.IndreEtLoireMember)).GetAsync($"{Api}/export.xlsx")).JsonAsync(HttpStatusCode.Forbidden);
        Assert.Equal("year", (await (await coordinator.GetAsync("/api/territories/indre-et-loire/indicators/dashboards/0/export.csv")).JsonAsync(HttpStatusCode.BadRequest)).GetProperty("rules")[0].GetProperty("field").GetString());
    }
}

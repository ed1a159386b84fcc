using System.Net;
using System.Net.Http.Json;
using SproHub.Testing;
using Xunit;
using static Governance.Tests.MeetingEndpointTests;

namespace Governance.Tests;

/// <summary>The Région records each local SPRO's governance mode; its coordinator sees it; the cadence and its alerts follow it.</summary>
[Collection(SharedPlatform.Name)]
public sealed class GovernanceModeEndpointTests(SproHubFactory factory) : IAsyncLifetime
{
    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static string Mode(string territory) => $"/api/territories/{territory}/governance/mode";

    private static async Task<string> RefusedRuleAsync(HttpResponseMessage response, string field) =>
        (await response.JsonAsync(HttpStatusCode.BadRequest)).GetProperty("rules").EnumerateArray()
            .Single(r => r.GetProperty("field").GetString() == field).GetProperty("rule").GetString()!;

    [Fact]
    public async Task A_basin_SPRO_is_judged_on_its_committee_only_and_is_never_told_of_departmental_meetings()
    {
        var coordinator = await factory.ClientAsAsync(DemoAccounts.Coordinator("pithiviers"));
        var mode = await (await coordinator.GetAsync(Mode("pithiviers"))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["LocalCommittee", "SchoolYearPlenary"], mode.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("type").GetString()));
        var cadence = await (await coordinator.GetAsync("/api/territories/pithiviers/governance/cadence")).JsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(cadence.GetProperty("lines").EnumerateArray(), l => l.GetProperty("type").GetString() is "DepartmentalCoordination" or "DirectorsPlenary");

        var sweep = factory.Service<SproHub.Governance.Meetings.CadenceAlertSweep>();
        await sweep.RunAsync(CancellationToken.None);
        await factory.DispatchOutboxAsync();
        var told = factory.SentMails().Where(m => (m.Subject ?? "") == "Réunions en retard : SPRO de Pithiviers").Select(m => m.TextBody ?? "").ToList();
        Assert.DoesNotContain(told, body => body.Contains("Coordination départementale") || body.Contains("Plénière des directeurs"));

        var page = WebUtility.HtmlDecode(await (await factory.ClientAsCookieAsync(DemoAccounts.RegionAdmin)).GetStringAsync("/reunions/cadence"));
        Assert.DoesNotContain("(aux)", page);
        Assert.Contains("Réunion régionale des coordonnateurs", page);
    }

    [Fact]
    public async Task The_Région_records_a_mode_the_coordinator_reads_and_the_cadence_follows()
    {
        var admin = await factory.ClientAsAsync(DemoAccounts.RegionAdmin);
        var before = await (await admin.GetAsync(Mode("cher"))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal((false, true, 0), (before.GetProperty("recorded").GetBoolean(), before.GetProperty("departmental").GetBoolean(), before.GetProperty("version").GetInt32()));
        Assert.Equal(4, before.GetProperty("basins").GetArrayLength());

        var body = new { rules = new[] { new { type = "LocalCommittee", frequency = "Semiannual", level = "EachBasin" }, new { type = "DirectorsPlenary", frequency = "JuneAndDecember", level = "Spro" } }, referents = Array.Empty<object>(), version = 0 };
        var saved = await (await admin.PutAsJsonAsync(Mode("cher"), body)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal((true, 1), (saved.GetProperty("recorded").GetBoolean(), saved.GetProperty("version").GetInt32()));
        await (await admin.PutAsJsonAsync(Mode("cher"), body)).JsonAsync(HttpStatusCode.Conflict); // version 0 is stale now

        var coordinator = await factory.ClientAsAsync(DemoAccounts.CherCoordinator);
        var cadence = (await (await coordinator.GetAsync("/api/territories/cher/governance/cadence")).JsonAsync(HttpStatusCode.OK)).GetProperty("lines").EnumerateArray().ToList();
        Assert.DoesNotContain(cadence, l => l.GetProperty("type").GetString() == "DepartmentalCoordination");
        Assert.Contains(cadence, l => l.GetProperty("basin").GetString() == "Bassin de Vierzon" && l.GetProperty("expectation").GetString() == "une par semestre");
        var page = WebUtility.HtmlDecode(await (await factory.ClientAsCookieAsync(DemoAccounts.CherCoordinator)).GetStringAsync("/t/cher/reunions/gouvernance"));
        Assert.Contains("Mode enregistré par la Région", page);
        Assert.DoesNotContain("Enregistrer le mode de gouvernance", page); // the coordinator reads it; the Région records it
        Assert.Contains("Enregistrer le mode de gouvernance", await (await factory.ClientAsCookieAsync(DemoAccounts.RegionAdmin)).GetStringAsync("/t/cher/reunions/gouvernance"));
    }

    [Fact]
    public async Task Only_the_Région_records_a_mode_and_a_bad_one_is_refused_naming_the_field()
    {
        var valid = new { rules = new[] { new { type = "LocalCommittee", frequency = "Quarterly", level = "Spro" } }, referents = Array.Empty<object>(), version = 0 };
        await (await (await factory.ClientAsAsync(DemoAccounts.CherCoordinator)).PutAsJsonAsync(Mode("cher"), valid)).JsonAsync(HttpStatusCode.Forbidden);
        await (await (await factory.ClientAsAsync(DemoAccounts.IndreEtLoireMember)).PutAsJsonAsync(Mode(Territory), valid)).JsonAsync(HttpStatusCode.Forbidden);
        await (await (await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCoordinator)).GetAsync(Mode("cher"))).JsonAsync(HttpStatusCode.Forbidden);
        await (await factory.CreateClient().PutAsJsonAsync(Mode("cher"), valid)).JsonAsync(HttpStatusCode.Unauthorized);

        var admin = await factory.ClientAsAsync(DemoAccounts.RegionAdmin);
        Assert.Equal("obligatoire", await RefusedRuleAsync(await admin.PutAsJsonAsync(Mode("cher"), new { rules = Array.Empty<object>(), referents = Array.Empty<object>(), version = 0 }), "rules"));
        Assert.Equal("obligatoire", await RefusedRuleAsync(await admin.PutAsJsonAsync(Mode("cher"), new { referents = Array.Empty<object>(), version = 0 }), "rules"));
        Assert.Equal("reunion-de-la-region", await RefusedRuleAsync(await admin.PutAsJsonAsync(Mode("cher"),
            new { rules = new[] { new { type = "RegionalCoordinators", frequency = "EveryTwoMonths", level = "Spro" } }, referents = Array.Empty<object>(), version = 0 }), "rules[0].type"));
        Assert.Equal("sans-bassin", await RefusedRuleAsync(await admin.PutAsJsonAsync(Mode("pithiviers"),
            new { rules = new[] { new { type = "LocalCommittee", frequency = "Quarterly", level = "EachBasin" } }, referents = Array.Empty<object>(), version = 0 }), "rules[0].level"));
        Assert.Equal("spro-local", await RefusedRuleAsync(await admin.PutAsJsonAsync(Mode("region"), valid), "territory"));
        Assert.Equal("bassin-du-territoire", await RefusedRuleAsync(await admin.PutAsJsonAsync(Mode("cher"),
            new { valid.rules, referents = new[] { new { basinId = "indre-et-loire-tours", personId = Guid.NewGuid() } }, version = 0 }), "referents[0].basinId"));
        // A referent is chosen in the directory, among the agents of the SPRO's own structures.
        var stranger = (await (await admin.GetAsync(Mode(Territory))).JsonAsync(HttpStatusCode.OK)).GetProperty("basins")[0].GetProperty("referentId").GetString();
        Assert.Equal("personne-de-l-annuaire", await RefusedRuleAsync(await admin.PutAsJsonAsync(Mode("cher"),
            new { valid.rules, referents = new[] { new { basinId = "cher-bourges", personId = stranger } }, version = 0 }), "referents[0].personId"));
        Assert.False((await (await admin.GetAsync(Mode("cher"))).JsonAsync(HttpStatusCode.OK)).GetProperty("recorded").GetBoolean());
    }

    [Fact]
    public async Task Each_basin_has_a_referent_from_the_directory_shown_to_the_coordinator()
    {
        var admin = await factory.ClientAsAsync(DemoAccounts.RegionAdmin);
        var mode = await (await admin.GetAsync(Mode(Territory))).JsonAsync(HttpStatusCode.OK);
        var basins = mode.GetProperty("basins").EnumerateArray().ToList();
        Assert.All(basins, b => Assert.False(string.IsNullOrEmpty(b.GetProperty("referentName").GetString())));
        var people = basins.Select(b => b.GetProperty("referentId").GetString()!).ToList();
        // Tours's referent hands over to Amboise's; Loches has none for now.
        var rules = mode.GetProperty("rules").EnumerateArray().Select(r => new { type = r.GetProperty("type").GetString(), frequency = r.GetProperty("frequency").GetString(), level = r.GetProperty("level").GetString() }).ToList();
        var saved = await (await admin.PutAsJsonAsync(Mode(Territory), new
        {
            rules,
            referents = new[] { new { basinId = "indre-et-loire-tours", personId = people[1] }, new { basinId = "indre-et-loire-amboise", personId = people[1] } },
            version = mode.GetProperty("version").GetInt32(),
        })).JsonAsync(HttpStatusCode.OK);
        var after = saved.GetProperty("basins").EnumerateArray().ToDictionary(b => b.GetProperty("basinId").GetString()!);
        Assert.Equal(people[1], after["indre-et-loire-tours"].GetProperty("referentId").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, after["indre-et-loire-loches"].GetProperty("referentName").ValueKind);

        var page = WebUtility.HtmlDecode(await (await factory.ClientAsCookieAsync(DemoAccounts.IndreEtLoireCoordinator)).GetStringAsync($"/t/{Territory}/reunions/gouvernance"));
        Assert.Contains(after["indre-et-loire-tours"].GetProperty("referentName").GetString()!, page);
        Assert.Contains("à désigner", page);
    }

    [Fact]
    public async Task A_departmental_SPROs_committees_are_tracked_per_basin_and_invite_the_departmental_structures()
    {
        var coordinator = await factory.ClientAsAsync(DemoAccounts.CherCoordinator);
        var structures = await StructuresAsync(coordinator, "cher");
        var start = DateTimeOffset.UtcNow.AddDays(2);
        object Committee(string? basinId) => new { type = "LocalCommittee", subject = "Comité local", startsAt = start, endsAt = start.AddHours(2), place = "Bourges", agenda = "Tour de table", structureIds = structures, basinId };
        const string meetings = "/api/territories/cher/governance/meetings";

        Assert.Equal("bassin-requis", await RefusedRuleAsync(await coordinator.PostAsJsonAsync(meetings, Committee(null)), "basinId"));
        Assert.Equal("bassin-du-territoire", await RefusedRuleAsync(await coordinator.PostAsJsonAsync(meetings, Committee("indre-et-loire-tours")), "basinId"));
        var departmental = new { type = "DepartmentalCoordination", subject = "Coordination", startsAt = start, endsAt = start.AddHours(2), place = "Bourges", agenda = "Point", structureIds = structures, basinId = "cher-bourges" };
        Assert.Equal("bassin-inutile", await RefusedRuleAsync(await coordinator.PostAsJsonAsync(meetings, departmental), "basinId"));
        var created = await (await coordinator.PostAsJsonAsync(meetings, Committee("cher-bourges"))).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("cher-bourges", created.GetProperty("summary").GetProperty("basinId").GetString());

        var lines = (await (await coordinator.GetAsync("/api/territories/cher/governance/cadence")).JsonAsync(HttpStatusCode.OK)).GetProperty("lines").EnumerateArray().ToList();
        var now = lines.Where(l => l.GetProperty("type").GetString() == "LocalCommittee").GroupBy(l => l.GetProperty("basinId").GetString()).ToDictionary(g => g.Key!, g => g.Last().GetProperty("state").GetString());
        Assert.Equal(4, now.Count);
        if ((start.Month - 1) / 3 == (DateTimeOffset.UtcNow.Month - 1) / 3 && start.Year == DateTimeOffset.UtcNow.Year) // Bourges's committee falls in the quarter under way
            Assert.Equal("Planned", now["cher-bourges"]);
        Assert.NotEqual("Planned", now["cher-vierzon"]);
        var page = WebUtility.HtmlDecode(await (await factory.ClientAsCookieAsync(DemoAccounts.CherCoordinator)).GetStringAsync("/t/cher/reunions"));
        Assert.Contains("Comité local de coordination — Bassin de Vierzon", page);
    }

    [Fact]
    public async Task The_Région_records_a_mode_from_its_page()
    {
        var admin = await factory.ClientAsCookieAsync(DemoAccounts.RegionAdmin);
        var response = await admin.SubmitFormAsync("/t/pithiviers/reunions/gouvernance", new Dictionary<string, string>
        {
            ["Form.Version"] = "0",
            ["Form.Rules[0].Type"] = "LocalCommittee", ["Form.Rules[0].Held"] = "true", ["Form.Rules[0].Frequency"] = "EveryTwoMonths", ["Form.Rules[0].Level"] = "Spro",
            ["Form.Rules[1].Type"] = "DirectorsPlenary", ["Form.Rules[1].Frequency"] = "JuneAndDecember", ["Form.Rules[1].Level"] = "Spro",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var mode = await (await (await factory.ClientAsAsync(DemoAccounts.RegionAdmin)).GetAsync(Mode("pithiviers"))).JsonAsync(HttpStatusCode.OK);
        var rule = Assert.Single(mode.GetProperty("rules").EnumerateArray());
        Assert.Equal(("LocalCommittee", "tous les deux mois"), (rule.GetProperty("type").GetString(), rule.GetProperty("expectation").GetString()));

        // A refused form says why on the page, in French.
        var refused = await admin.SubmitFormAsync("/t/pithiviers/reunions/gouvernance", new Dictionary<string, string> { ["Form.Version"] = "1" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Choisissez au moins une réunion", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
    }
}

using System.Net;
using System.Net.Http.Json;
using SproHub.Testing;
using Xunit;
using static Governance.Tests.MeetingEndpointTests;

namespace Governance.Tests;

/// <summary>The Région meets the coordinators in office every two months (seeds 001, 004): planned, attended, minuted, tracked.</summary>
[Collection(SharedPlatform.Name)]
public sealed class RegionalCoordinatorsTests(SproHubFactory factory) : IAsyncLifetime
{
    private const string RegionMeetings = "/api/territories/region/governance/meetings";

    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static object Meeting(string type = "RegionalCoordinators", IEnumerable<string>? structureIds = null, DateTimeOffset? startsAt = null)
    {
        var start = startsAt ?? DateTimeOffset.UtcNow.AddDays(-1);
        return new { type, subject = "Réunion des coordonnateurs SPRO", startsAt = start, endsAt = start.AddHours(3), place = "Hôtel de Région, Orléans", agenda = "Points d'actualité de la Région\nPoints d'actualité des territoires", structureIds = structureIds ?? [] };
    }

    [Fact]
    public async Task The_Région_invites_the_coordinators_in_office_records_attendance_and_minutes()
    {
        var admin = await factory.ClientAsAsync(DemoAccounts.RegionAdmin);
        var created = await (await admin.PostAsJsonAsync(RegionMeetings, Meeting())).JsonAsync(HttpStatusCode.Created);
        var invitees = created.GetProperty("invitees").EnumerateArray().ToList();
        var coordinator = Assert.Single(invitees, i => i.GetProperty("email").GetString() == DemoAccounts.IndreEtLoireCoordinator);
        Assert.Equal(created.GetProperty("structures").GetArrayLength(), invitees.Select(i => i.GetProperty("structureId").GetString()).Distinct().Count());
        var id = created.GetProperty("summary").GetProperty("id").GetString();

        var held = await (await admin.PutAsJsonAsync($"{RegionMeetings}/{id}/attendance", new { presentInviteeIds = new[] { coordinator.GetProperty("id").GetString() }, version = 1 })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Held", held.GetProperty("summary").GetProperty("status").GetString());
        Assert.Equal(100m, held.GetProperty("summary").GetProperty("attendancePercent").GetDecimal());
        var minuted = await (await admin.PutAsJsonAsync($"{RegionMeetings}/{id}/minutes", new
        {
            minutes = "Les réunions des coordonnateurs restent bimestrielles.", decisions = new[] { "Inviter un expert à la prochaine réunion." },
            actions = Array.Empty<object>(), publish = true, version = held.GetProperty("summary").GetProperty("version").GetInt32(),
        })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Les réunions des coordonnateurs restent bimestrielles.", minuted.GetProperty("minutes").GetString());

        // Its cadence is tracked: only the meeting of the coordinators, every two months.
        var lines = (await (await admin.GetAsync("/api/territories/region/governance/cadence")).JsonAsync(HttpStatusCode.OK)).GetProperty("lines").EnumerateArray().ToList();
        Assert.All(lines, l => Assert.Equal("RegionalCoordinators", l.GetProperty("type").GetString()));
        Assert.Equal("Met", lines[^1].GetProperty("state").GetString());
        var page = WebUtility.HtmlDecode(await (await factory.ClientAsCookieAsync(DemoAccounts.RegionAdmin)).GetStringAsync("/t/region/reunions"));
        Assert.Contains("Réunion régionale des coordonnateurs", page);
        Assert.DoesNotContain("Comité local de coordination", page);
        Assert.DoesNotContain("Plénière", page);
    }

    [Fact]
    public async Task The_Région_plans_only_its_meeting_the_local_SPROs_never_plan_it()
    {
        var admin = await factory.ClientAsAsync(DemoAccounts.RegionAdmin);
        var refused = await (await admin.PostAsJsonAsync(RegionMeetings, Meeting("LocalCommittee", structureIds: ["00000000-0000-0000-0000-000000000001"]))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains(refused.GetProperty("rules").EnumerateArray(), r => r.GetProperty("field").GetString() == "type");
        var structures = await StructuresAsync(await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCoordinator));
        var withStructures = await (await admin.PostAsJsonAsync(RegionMeetings, Meeting(structureIds: structures.Take(1)))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains(withStructures.GetProperty("rules").EnumerateArray(), r => r.GetProperty("field").GetString() == "structureIds" && r.GetProperty("rule").GetString() == "coordonnateurs-invites");
        // No coordinator designated so far back: nobody to invite.
        var longAgo = await (await admin.PostAsJsonAsync(RegionMeetings, Meeting(startsAt: new DateTimeOffset(2005, 3, 1, 9, 0, 0, TimeSpan.FromHours(1))))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains(longAgo.GetProperty("rules").EnumerateArray(), r => r.GetProperty("rule").GetString() == "aucun-coordonnateur");

        var coordinator = await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCoordinator);
        await (await coordinator.PostAsJsonAsync(RegionMeetings, Meeting())).JsonAsync(HttpStatusCode.Forbidden);
        await (await coordinator.GetAsync(RegionMeetings)).JsonAsync(HttpStatusCode.Forbidden);
        var own = await (await coordinator.PostAsJsonAsync(Meetings, Meeting())).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains(own.GetProperty("rules").EnumerateArray(), r => r.GetProperty("field").GetString() == "type" && r.GetProperty("rule").GetString() == "reunion-de-la-region");
    }

    [Fact]
    public async Task The_Région_plans_it_from_its_page_without_choosing_structures()
    {
        var admin = await factory.ClientAsCookieAsync(DemoAccounts.RegionAdmin);
        var form = WebUtility.HtmlDecode(await admin.GetStringAsync("/t/region/reunions/edition"));
        Assert.Contains("Les coordonnateurs en fonction", form);
        Assert.DoesNotContain("Comité local de coordination", form);
        var day = DateTime.UtcNow.AddDays(20);
        var response = await admin.SubmitFormAsync("/t/region/reunions/edition", new Dictionary<string, string>
        {
            ["Form.Type"] = "RegionalCoordinators", ["Form.Subject"] = "Réunion des coordonnateurs", ["Form.Date"] = day.ToString("yyyy-MM-dd"),
            ["Form.Start"] = "09:30", ["Form.End"] = "12:30", ["Form.Place"] = "Orléans", ["Form.Agenda"] = "Actualités", ["Form.Version"] = "0",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync(response.Headers.Location!.ToString()));
        Assert.Contains("Réunion des coordonnateurs", page);
    }
}

using System.Net;
using System.Net.Http.Json;
using SproHub.Testing;
using Xunit;
using static Governance.Tests.MeetingEndpointTests;

namespace Governance.Tests;

/// <summary>A territory behind its meeting cadence is flagged to its network and to the Région.</summary>
[Collection(SharedPlatform.Name)]
public sealed class CadenceEndpointTests(SproHubFactory factory) : IAsyncLifetime
{
    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_territory_sees_its_periods_and_what_is_behind_and_a_new_meeting_clears_the_period_under_way()
    {
        var coordinator = await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCoordinator);
        var cadence = await (await coordinator.GetAsync($"/api/territories/{Territory}/governance/cadence")).JsonAsync(HttpStatusCode.OK);
        var lines = cadence.GetProperty("lines").EnumerateArray().ToList();
        // The demo's committees were held every quarter; no departmental coordination was recorded.
        Assert.DoesNotContain(lines, l => l.GetProperty("type").GetString() == "LocalCommittee" && l.GetProperty("behind").GetBoolean());
        var departmental = lines.Where(l => l.GetProperty("type").GetString() == "DepartmentalCoordination").ToList();
        Assert.All(departmental, l => Assert.True(l.GetProperty("behind").GetBoolean()));

        var today = DateTimeOffset.UtcNow;
        var meeting = new { type = "DepartmentalCoordination", subject = "Coordination départementale", startsAt = today.AddDays(1), endsAt = today.AddDays(1).AddHours(2), place = "Tours", agenda = "Bilan", structureIds = (await StructuresAsync(coordinator)).Take(2) };
        await (await coordinator.PostAsJsonAsync(Meetings, meeting)).JsonAsync(HttpStatusCode.Created);
        var after = (await (await coordinator.GetAsync($"/api/territories/{Territory}/governance/cadence")).JsonAsync(HttpStatusCode.OK)).GetProperty("lines").EnumerateArray()
            .Where(l => l.GetProperty("type").GetString() == "DepartmentalCoordination").ToList();
        Assert.Equal("Planned", after[^1].GetProperty("state").GetString());

        var page = WebUtility.HtmlDecode(await (await factory.ClientAsCookieAsync(DemoAccounts.IndreEtLoireMember)).GetStringAsync($"/t/{Territory}/reunions"));
        Assert.Contains("en retard sur sa cadence de réunions", page);
    }

    [Fact]
    public async Task A_period_ended_without_its_meeting_is_told_once_to_the_coordinators_and_the_Région()
    {
        // At least one quarter of the year has ended (in January to March, move to mid-April).
        var today = SproHub.Shared.Territories.ParisTime.Today(factory.Clock);
        if (today.Month <= 3) factory.Clock.Advance(new DateOnly(today.Year, 4, 15).ToDateTime(TimeOnly.MinValue) - today.ToDateTime(TimeOnly.MinValue));
        var sweep = factory.Service<SproHub.Governance.Meetings.CadenceAlertSweep>();
        Assert.True(await sweep.RunAsync(CancellationToken.None) > 0);
        await factory.DispatchOutboxAsync();
        var told = factory.SentMails().Where(m => (m.Subject ?? "") == "Réunions en retard : SPRO d'Indre-et-Loire").ToList();
        Assert.Contains(told, m => m.To.Mailboxes.Single().Address == DemoAccounts.IndreEtLoireCoordinator);
        Assert.Contains(told, m => m.To.Mailboxes.Single().Address == DemoAccounts.RegionAdmin);
        Assert.Contains("Coordination départementale", told[0].TextBody ?? "");

        // Told once: the next pass finds nothing new.
        Assert.Equal(0, await sweep.RunAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Only_the_Région_sees_every_local_SPRO_side_by_side()
    {
        var admin = await factory.ClientAsAsync(DemoAccounts.RegionAdmin);
        var all = (await (await admin.GetAsync("/api/governance/cadence")).JsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.Equal(13, all.Count);
        Assert.Contains(all, t => t.GetProperty("territoryId").GetString() == "cher" && t.GetProperty("lines").EnumerateArray().Any(l => l.GetProperty("behind").GetBoolean()));
        Assert.Contains("Cadence des réunions des SPRO locaux", WebUtility.HtmlDecode(await (await factory.ClientAsCookieAsync(DemoAccounts.RegionAdmin)).GetStringAsync("/reunions/cadence")));

        await (await factory.CreateClient().GetAsync("/api/governance/cadence")).JsonAsync(HttpStatusCode.Unauthorized);
        await (await (await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCoordinator)).GetAsync("/api/governance/cadence")).JsonAsync(HttpStatusCode.Forbidden);
        await (await (await factory.ClientAsAsync(DemoAccounts.CherCoordinator)).GetAsync($"/api/territories/{Territory}/governance/cadence")).JsonAsync(HttpStatusCode.Forbidden);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SproHub.Governance.Data;
using SproHub.Shared.Data;
using SproHub.Shared.Events;
using SproHub.Testing;
using Xunit;
using static Governance.Tests.MeetingEndpointTests;

namespace Governance.Tests;

/// <summary>The sign-in sheet, the attendance recorded from it, and the attendance rate sent to the indicators.</summary>
[Collection(SharedPlatform.Name)]
public sealed class AttendanceTests(SproHubFactory factory) : IAsyncLifetime
{
    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(HttpClient Coordinator, JsonElement Meeting, List<string> Structures)> HeldYesterdayAsync()
    {
        var coordinator = await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCoordinator);
        var structures = (await StructuresAsync(coordinator)).Take(4).ToList();
        var meeting = await (await coordinator.PostAsJsonAsync(Meetings, Committee(structures, "Comité d'hier", DateTimeOffset.UtcNow.AddDays(-1)))).JsonAsync(HttpStatusCode.Created);
        return (coordinator, meeting, structures);
    }

    private Task<List<MeetingHeld>> HeldEventsAsync(string meetingId) => factory.InScopeAsync(async services =>
    {
        var rows = await services.GetRequiredService<GovernanceDbContext>().Set<OutboxMessage>().Where(m => m.Type == typeof(MeetingHeld).FullName).OrderBy(m => m.Id).ToListAsync();
        return rows.Select(r => JsonSerializer.Deserialize<MeetingHeld>(r.Payload)!).Where(e => e.MeetingId.ToString() == meetingId).ToList();
    });

    [Fact]
    public async Task Attendance_from_the_sheet_gives_the_rate_and_tells_the_indicators_again_when_corrected()
    {
        var (coordinator, meeting, structures) = await HeldYesterdayAsync();
        var id = meeting.GetProperty("summary").GetProperty("id").GetString()!;
        var sheet = WebUtility.HtmlDecode(await (await factory.ClientAsCookieAsync(DemoAccounts.IndreEtLoireCoordinator)).GetStringAsync($"/t/{Territory}/reunions/{id}/emargement"));
        Assert.Contains("Feuille d'émargement", sheet);
        Assert.All(meeting.GetProperty("invitees").EnumerateArray(), i => Assert.Contains(i.GetProperty("name").GetString()!, sheet));

        // One person of the first structure signed; the third structure came through someone not invited by name.
        var firstPerson = meeting.GetProperty("invitees").EnumerateArray().First(i => i.GetProperty("structureId").GetString() == structures[0]).GetProperty("id").GetString();
        var held = await (await coordinator.PutAsJsonAsync($"{Meetings}/{id}/attendance", new { presentInviteeIds = new[] { firstPerson }, presentStructureIds = new[] { structures[2] }, version = 1 }))
            .JsonAsync(HttpStatusCode.OK);
        var summary = held.GetProperty("summary");
        Assert.Equal("Held", summary.GetProperty("status").GetString());
        Assert.Equal((4, 2, 50m), (summary.GetProperty("invitedStructures").GetInt32(), summary.GetProperty("participatingStructures").GetInt32(), summary.GetProperty("attendancePercent").GetDecimal()));
        var first = Assert.Single(await HeldEventsAsync(id));
        Assert.Equal((Territory, "LocalCommittee", 4, 2), (first.TerritoryId, first.MeetingType, first.InvitedStructures, first.ParticipatingStructures));

        await (await coordinator.PutAsJsonAsync($"{Meetings}/{id}/attendance", new { presentInviteeIds = new[] { firstPerson }, version = 2 })).JsonAsync(HttpStatusCode.OK);
        var events = await HeldEventsAsync(id);
        Assert.Equal([2, 1], events.Select(e => e.ParticipatingStructures));
        await (await coordinator.PutAsJsonAsync($"{Meetings}/{id}/attendance", new { presentInviteeIds = Array.Empty<string>(), version = 2 })).JsonAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Attendance_is_refused_before_the_meeting_for_strangers_and_for_anyone_but_the_coordinator()
    {
        var (coordinator, meeting, _) = await HeldYesterdayAsync();
        var id = meeting.GetProperty("summary").GetProperty("id").GetString()!;
        var stranger = await (await coordinator.PutAsJsonAsync($"{Meetings}/{id}/attendance", new { presentInviteeIds = new[] { Guid.NewGuid() }, version = 1 })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("invite-de-la-reunion", stranger.GetProperty("rules")[0].GetProperty("rule").GetString());
        var cher = (await StructuresAsync(coordinator, "cher"))[0];
        var elsewhere = await (await coordinator.PutAsJsonAsync($"{Meetings}/{id}/attendance", new { presentInviteeIds = Array.Empty<string>(), presentStructureIds = new[] { cher }, version = 1 })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("presentStructureIds", elsewhere.GetProperty("rules")[0].GetProperty("field").GetString());
        await (await (await factory.ClientAsAsync(DemoAccounts.IndreEtLoireMember)).PutAsJsonAsync($"{Meetings}/{id}/attendance", new { presentInviteeIds = Array.Empty<string>(), version = 1 })).JsonAsync(HttpStatusCode.Forbidden);
        Assert.Empty(await HeldEventsAsync(id));

        var structures = await StructuresAsync(coordinator);
        var future = await (await coordinator.PostAsJsonAsync(Meetings, Committee(structures.Take(1)))).JsonAsync(HttpStatusCode.Created);
        var early = await (await coordinator.PutAsJsonAsync($"{Meetings}/{future.GetProperty("summary").GetProperty("id").GetString()}/attendance", new { presentInviteeIds = Array.Empty<string>(), version = 1 }))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("reunion-a-venir", early.GetProperty("rules")[0].GetProperty("rule").GetString());
        Assert.Equal("Planned", (await (await coordinator.GetAsync($"{Meetings}/{id}")).JsonAsync(HttpStatusCode.OK)).GetProperty("summary").GetProperty("status").GetString());
    }
}

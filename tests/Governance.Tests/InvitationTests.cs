using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SproHub.Testing;
using Xunit;
using static Governance.Tests.MeetingEndpointTests;

namespace Governance.Tests;

/// <summary>Invitations by e-mail with the iCalendar event, answered through a personal link.</summary>
[Collection(SharedPlatform.Name)]
public sealed class InvitationTests(SproHubFactory factory) : IAsyncLifetime
{
    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(HttpClient Coordinator, JsonElement Meeting)> PlannedAsync(DateTimeOffset? startsAt = null)
    {
        var coordinator = await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCoordinator);
        var structures = await StructuresAsync(coordinator);
        var meeting = await (await coordinator.PostAsJsonAsync(Meetings, Committee(structures.Take(2), startsAt: startsAt))).JsonAsync(HttpStatusCode.Created);
        return (coordinator, meeting);
    }

    private static string Id(JsonElement meeting) => meeting.GetProperty("summary").GetProperty("id").GetString()!;
    private static int Version(JsonElement meeting) => meeting.GetProperty("summary").GetProperty("version").GetInt32();

    [Fact]
    public async Task Every_invited_person_receives_the_event_and_answers_through_their_own_link()
    {
        var (coordinator, meeting) = await PlannedAsync();
        var sent = await (await coordinator.PostAsJsonAsync($"{Meetings}/{Id(meeting)}/invitations", new { version = Version(meeting) })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Invited", sent.GetProperty("summary").GetProperty("status").GetString());
        await factory.DispatchOutboxAsync();

        var invitees = sent.GetProperty("invitees").EnumerateArray().ToList();
        var mails = factory.SentMails();
        Assert.Equal(invitees.Count, mails.Count);
        var mail = mails.First();
        Assert.StartsWith("Invitation : Comité local de coordination du mardi 16 mars 2027 à 09h30", mail.Subject);
        Assert.Contains("Forums de printemps", Mails.Text(mail));
        var ics = Mails.Ics(mail);
        Assert.Contains("METHOD:REQUEST", ics);
        Assert.Contains($"UID:{Id(meeting)}@sprohub.governance", ics);
        Assert.Contains("SEQUENCE:1", ics);

        // The personal link answers without an account.
        var token = System.Text.RegularExpressions.Regex.Match(Mails.Text(mail), @"/reunions/reponse/([0-9a-f]+)").Groups[1].Value;
        var anonymous = factory.CreateClient();
        var reply = await (await anonymous.PutAsJsonAsync($"/api/governance/invitations/{token}/reply", new { reply = "WillAttend" })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("présence annoncée", reply.GetProperty("replyLabel").GetString());
        var pending = await (await anonymous.PutAsJsonAsync($"/api/governance/invitations/{token}/reply", new { reply = "Pending" })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("reponse", pending.GetProperty("rules")[0].GetProperty("rule").GetString());
        await (await anonymous.GetAsync("/api/governance/invitations/0000")).JsonAsync(HttpStatusCode.NotFound);
        Assert.Contains("Je viendrai", WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/reunions/reponse/{token}")));

        var detail = await (await coordinator.GetAsync($"{Meetings}/{Id(meeting)}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, detail.GetProperty("invitees").EnumerateArray().Count(i => i.GetProperty("reply").GetString() == "WillAttend"));
    }

    [Fact]
    public async Task A_change_is_sent_again_as_an_update_and_a_cancellation_removes_the_event()
    {
        var (coordinator, meeting) = await PlannedAsync();
        var sent = await (await coordinator.PostAsJsonAsync($"{Meetings}/{Id(meeting)}/invitations", new { version = Version(meeting) })).JsonAsync(HttpStatusCode.OK);
        var again = await (await coordinator.PostAsJsonAsync($"{Meetings}/{Id(meeting)}/invitations", new { version = Version(sent) })).JsonAsync(HttpStatusCode.OK);
        await factory.DispatchOutboxAsync();
        var update = factory.SentMails().Where(m => (m.Subject ?? "").StartsWith("Modification")).ToList();
        Assert.NotEmpty(update);
        Assert.Contains("SEQUENCE:2", Mails.Ics(update[0]));

        var noReason = await (await coordinator.PostAsJsonAsync($"{Meetings}/{Id(meeting)}/cancellation", new { reason = "", version = Version(again) })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("reason", noReason.GetProperty("rules")[0].GetProperty("field").GetString());
        await (await coordinator.PostAsJsonAsync($"{Meetings}/{Id(meeting)}/cancellation", new { reason = "Salle indisponible", version = Version(again) })).JsonAsync(HttpStatusCode.OK);
        await factory.DispatchOutboxAsync();
        var cancellation = factory.SentMails().First(m => (m.Subject ?? "").StartsWith("Annulation"));
        Assert.Contains("Salle indisponible", Mails.Text(cancellation));
        Assert.Contains("METHOD:CANCEL", Mails.Ics(cancellation));

        var token = System.Text.RegularExpressions.Regex.Match(Mails.Text(update[0]), @"/reunions/reponse/([0-9a-f]+)").Groups[1].Value;
        var late = await (await factory.CreateClient().PutAsJsonAsync($"/api/governance/invitations/{token}/reply", new { reply = "Excused" })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("reunion-close", late.GetProperty("rules")[0].GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Invitations_leave_only_from_the_coordinator_and_never_for_a_past_meeting()
    {
        var (coordinator, meeting) = await PlannedAsync(startsAt: DateTimeOffset.UtcNow.AddDays(-2));
        var past = await (await coordinator.PostAsJsonAsync($"{Meetings}/{Id(meeting)}/invitations", new { version = Version(meeting) })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("reunion-passee", past.GetProperty("rules")[0].GetProperty("rule").GetString());
        var member = await factory.ClientAsAsync(DemoAccounts.IndreEtLoireMember);
        await (await member.PostAsJsonAsync($"{Meetings}/{Id(meeting)}/invitations", new { version = Version(meeting) })).JsonAsync(HttpStatusCode.Forbidden);
        await factory.DispatchOutboxAsync();
        Assert.Empty(factory.SentMails());
        Assert.Equal("Planned", (await (await member.GetAsync($"{Meetings}/{Id(meeting)}")).JsonAsync(HttpStatusCode.OK)).GetProperty("summary").GetProperty("status").GetString());
        var calendar = await member.GetStringAsync($"{Meetings}/{Id(meeting)}/invitation.ics");
        Assert.Contains("BEGIN:VEVENT", calendar);
        await (await (await factory.ClientAsAsync(DemoAccounts.CherCoordinator)).GetAsync($"/api/territories/cher/governance/meetings/{Id(meeting)}/invitation.ics")).JsonAsync(HttpStatusCode.NotFound);
    }
}

internal static class Mails
{
    public static string Text(MimeKit.MimeMessage mail) => mail.TextBody ?? "";

    /// <summary>The iCalendar attachment of an e-mail, as text.</summary>
    public static string Ics(MimeKit.MimeMessage mail)
    {
        using var copy = new MemoryStream();
        ((MimeKit.MimePart)mail.Attachments.Single()).Content!.DecodeTo(copy);
        return System.Text.Encoding.UTF8.GetString(copy.ToArray());
    }
}

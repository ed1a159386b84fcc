using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using SproHub.Host.Platform.Data;
using SproHub.Shared.Notifications;
using SproHub.Testing;
using Xunit;

namespace Host.Tests;

/// <summary>The core notification service: in-app and e-mail, sent after the change commits, with each person's preferences.</summary>
[Collection(SharedPlatform.Name)]
public sealed class NotificationTests(SproHubFactory factory) : IAsyncLifetime
{
    private const string Kind = "governance.meeting-invitation";

    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private Task QueueAsync(params NotificationRecipient[] recipients) => factory.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PlatformDbContext>();
        services.GetRequiredService<INotifier>().Queue(db, new Notification("governance", Kind, "indre-et-loire", recipients, "Invitation : comité local",
            "Le réseau vous invite au comité local.\n\nOrdre du jour joint.", "/t/indre-et-loire/reunions",
            [new NotificationAttachment("invitation.ics", "text/calendar; method=REQUEST", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")]));
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task A_notification_reaches_the_person_in_the_platform_and_by_e_mail_once()
    {
        await QueueAsync(new NotificationRecipient(DemoAccounts.IndreEtLoireMember, "Maëlle Guérin"), new NotificationRecipient("externe@exemple.fr", "Personne externe"));
        Assert.Empty(factory.SentMails()); // nothing leaves before the outbox pass
        await factory.DispatchOutboxAsync();
        await factory.DispatchOutboxAsync(); // a second pass sends nothing again

        var mails = factory.SentMails();
        Assert.Equal(2, mails.Count);
        var mail = mails.Single(m => m.To.Mailboxes.Single().Address == DemoAccounts.IndreEtLoireMember);
        Assert.Equal("Invitation : comité local", mail.Subject);
        Assert.Contains("Bonjour Maëlle Guérin", mail.TextBody);
        Assert.Contains("http://localhost:5080/t/indre-et-loire/reunions", mail.TextBody);
        Assert.Equal("invitation.ics", Assert.Single(mail.Attachments).ContentDisposition!.FileName);

        var member = await factory.ClientAsAsync(DemoAccounts.IndreEtLoireMember);
        var mine = await (await member.GetAsync("/api/me/notifications")).JsonAsync(HttpStatusCode.OK);
        var notification = Assert.Single(mine.EnumerateArray());
        Assert.False(notification.GetProperty("read").GetBoolean());
        var id = notification.GetProperty("id").GetInt64();

        // Someone else neither sees it nor marks it.
        var other = await factory.ClientAsAsync(DemoAccounts.CherCoordinator);
        Assert.Equal(0, (await (await other.GetAsync("/api/me/notifications")).JsonAsync(HttpStatusCode.OK)).GetArrayLength());
        await (await other.PostAsync($"/api/me/notifications/{id}/read", null)).JsonAsync(HttpStatusCode.NotFound);
        await (await factory.CreateClient().GetAsync("/api/me/notifications")).JsonAsync(HttpStatusCode.Unauthorized);

        Assert.True((await (await member.PostAsync($"/api/me/notifications/{id}/read", null)).JsonAsync(HttpStatusCode.OK)).GetProperty("read").GetBoolean());
        Assert.Contains("Invitation : comité local", WebUtility.HtmlDecode(await (await factory.ClientAsCookieAsync(DemoAccounts.IndreEtLoireMember)).GetStringAsync("/notifications")));
    }

    [Fact]
    public async Task A_person_who_turned_a_kind_off_keeps_it_in_the_platform_without_the_e_mail()
    {
        var member = await factory.ClientAsAsync(DemoAccounts.IndreEtLoireMember);
        var preferences = await (await member.PutAsJsonAsync("/api/me/notification-preferences", new[] { new { kind = Kind, email = false } })).JsonAsync(HttpStatusCode.OK);
        Assert.False(preferences.EnumerateArray().Single(p => p.GetProperty("kind").GetString() == Kind).GetProperty("email").GetBoolean());

        await QueueAsync(new NotificationRecipient(DemoAccounts.IndreEtLoireMember, "Maëlle Guérin"));
        await factory.DispatchOutboxAsync();
        Assert.Empty(factory.SentMails());
        var mine = await (await member.GetAsync("/api/me/notifications")).JsonAsync(HttpStatusCode.OK);
        Assert.False(Assert.Single(mine.EnumerateArray()).GetProperty("emailSent").GetBoolean());
    }

    [Fact]
    public async Task An_unknown_kind_is_refused_and_nothing_changes()
    {
        var member = await factory.ClientAsAsync(DemoAccounts.IndreEtLoireMember);
        var problem = await (await member.PutAsJsonAsync("/api/me/notification-preferences", new[] { new { kind = Kind, email = false }, new { kind = "inconnu", email = false } }))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("type-de-notification", problem.GetProperty("rules")[0].GetProperty("rule").GetString());
        var preferences = await (await member.GetAsync("/api/me/notification-preferences")).JsonAsync(HttpStatusCode.OK);
        Assert.All(preferences.EnumerateArray(), p => Assert.True(p.GetProperty("email").GetBoolean()));
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SproHub.Governance.Meetings;
using SproHub.Testing;
using Xunit;
using static Governance.Tests.MeetingEndpointTests;

namespace Governance.Tests;

/// <summary>Minutes with decisions and actions, published to the local network, and the actions followed until done.</summary>
[Collection(SharedPlatform.Name)]
public sealed class MinutesTests(SproHubFactory factory) : IAsyncLifetime
{
    private static readonly string Actions = $"/api/territories/{Territory}/governance/actions";

    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(HttpClient Coordinator, string Id, int Version, DateOnly Day)> HeldAsync()
    {
        var coordinator = await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCoordinator);
        var structures = (await StructuresAsync(coordinator)).Take(3).ToList();
        var start = DateTimeOffset.UtcNow.AddDays(-3);
        var meeting = await (await coordinator.PostAsJsonAsync(Meetings, Committee(structures, "Comité de la semaine", start))).JsonAsync(HttpStatusCode.Created);
        var id = meeting.GetProperty("summary").GetProperty("id").GetString()!;
        var held = await (await coordinator.PutAsJsonAsync($"{Meetings}/{id}/attendance", new { presentInviteeIds = Array.Empty<string>(), presentStructureIds = structures.Take(2), version = 1 })).JsonAsync(HttpStatusCode.OK);
        return (coordinator, id, held.GetProperty("summary").GetProperty("version").GetInt32(), DateOnly.FromDateTime(start.UtcDateTime));
    }

    [Fact]
    public async Task Published_minutes_reach_every_agent_and_members_read_them_with_decisions_and_actions()
    {
        var (coordinator, id, version, day) = await HeldAsync();
        var draft = await (await coordinator.PutAsJsonAsync($"{Meetings}/{id}/minutes", new
        {
            minutes = "**Tour de table** des structures.\n\n<script>alert(1)</script> [lien](javascript:alert(1))",
            decisions = new[] { "Tenir un forum des métiers au printemps." },
            actions = new[] { new { what = "Réserver la salle du forum", who = "Mission Locale de Tours", dueOn = day.AddDays(30) } },
            publish = false, version,
        })).JsonAsync(HttpStatusCode.OK);
        var member = await factory.ClientAsAsync(DemoAccounts.IndreEtLoireMember);
        var unpublished = await (await member.GetAsync($"{Meetings}/{id}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, unpublished.GetProperty("minutes").ValueKind);
        Assert.Empty(unpublished.GetProperty("actions").EnumerateArray());
        Assert.DoesNotContain((await (await member.GetAsync(Actions)).JsonAsync(HttpStatusCode.OK)).EnumerateArray(), a => a.GetProperty("action").GetProperty("what").GetString() == "Réserver la salle du forum");
        await factory.DispatchOutboxAsync();
        Assert.DoesNotContain(factory.SentMails(), m => (m.Subject ?? "").StartsWith("Compte rendu"));

        var action = draft.GetProperty("actions")[0];
        await (await coordinator.PutAsJsonAsync($"{Meetings}/{id}/minutes", new
        {
            minutes = draft.GetProperty("minutes").GetString(),
            decisions = new[] { "Tenir un forum des métiers au printemps." },
            actions = new[] { new { id = action.GetProperty("id").GetString(), what = "Réserver la salle du forum", who = "Mission Locale de Tours", dueOn = day.AddDays(30) } },
            publish = true, version = draft.GetProperty("summary").GetProperty("version").GetInt32(),
        })).JsonAsync(HttpStatusCode.OK);
        await factory.DispatchOutboxAsync();
        var published = factory.SentMails().Where(m => (m.Subject ?? "").StartsWith("Compte rendu")).ToList();
        Assert.Contains(published, m => m.To.Mailboxes.Single().Address == DemoAccounts.IndreEtLoireMember);
        Assert.True(published.Count > 10); // every agent of Indre-et-Loire's structures, not only those invited
        Assert.Contains("Réserver la salle du forum (Mission Locale de Tours", published[0].TextBody ?? "");

        var read = await (await member.GetAsync($"{Meetings}/{id}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["Tenir un forum des métiers au printemps."], read.GetProperty("decisions").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(action.GetProperty("id").GetString(), read.GetProperty("actions")[0].GetProperty("id").GetString());
        var page = await (await factory.ClientAsCookieAsync(DemoAccounts.IndreEtLoireMember)).GetStringAsync($"/t/{Territory}/reunions/{id}");
        Assert.Contains("<strong>Tour de table</strong>", page);
        Assert.DoesNotContain("<script>alert", page);
        Assert.DoesNotContain("javascript:alert", page);
    }

    [Fact]
    public void Markdown_is_rendered_and_anything_active_removed() =>
        Assert.Equal("<p>Un <em>mot</em> <a>lien</a></p>\n", SproHub.Shared.Text.SafeMarkdown.Render("Un *mot* [lien](javascript:alert(1))<img src=x onerror=alert(1)>").Replace("&lt;img src=x onerror=alert(1)&gt;", ""));

    [Fact]
    public async Task Actions_are_followed_overdue_first_until_done_by_the_coordinator()
    {
        var (coordinator, id, version, day) = await HeldAsync();
        var tooEarly = await (await coordinator.PutAsJsonAsync($"{Meetings}/{id}/minutes", new
        {
            minutes = "Compte rendu", actions = new[] { new { what = "Relancer", who = "CIO", dueOn = day.AddDays(-1) } }, publish = true, version,
        })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(("actions[0].dueOn", "echeance-apres-reunion"), (tooEarly.GetProperty("rules")[0].GetProperty("field").GetString(), tooEarly.GetProperty("rules")[0].GetProperty("rule").GetString()));
        var noWho = await (await coordinator.PutAsJsonAsync($"{Meetings}/{id}/minutes", new { minutes = "CR", actions = new[] { new { what = "Relancer", who = "", dueOn = day } }, publish = true, version }))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("actions[0].who", noWho.GetProperty("rules")[0].GetProperty("field").GetString());

        await (await coordinator.PutAsJsonAsync($"{Meetings}/{id}/minutes", new
        {
            minutes = "Compte rendu",
            actions = new[] { new { what = "Diffuser le bilan", who = "CIO de Tours", dueOn = day.AddDays(1) }, new { what = "Préparer le forum", who = "BIJ", dueOn = day.AddDays(60) } },
            publish = true, version,
        })).JsonAsync(HttpStatusCode.OK);
        var open = (await (await coordinator.GetAsync(Actions)).JsonAsync(HttpStatusCode.OK)).EnumerateArray().Select(a => a.GetProperty("action")).ToList();
        var overdue = open.First(a => a.GetProperty("what").GetString() == "Diffuser le bilan");
        Assert.True(overdue.GetProperty("overdue").GetBoolean());
        Assert.True(open[0].GetProperty("overdue").GetBoolean()); // overdue first
        Assert.False(open.First(a => a.GetProperty("what").GetString() == "Préparer le forum").GetProperty("overdue").GetBoolean());

        var member = await factory.ClientAsAsync(DemoAccounts.IndreEtLoireMember);
        await (await member.PutAsJsonAsync($"{Actions}/{overdue.GetProperty("id").GetString()}/done", new { done = true, version = 1 })).JsonAsync(HttpStatusCode.Forbidden);
        await (await (await factory.ClientAsAsync(DemoAccounts.CherCoordinator)).PutAsJsonAsync($"/api/territories/cher/governance/actions/{overdue.GetProperty("id").GetString()}/done", new { done = true, version = 1 }))
            .JsonAsync(HttpStatusCode.NotFound);
        var done = await (await coordinator.PutAsJsonAsync($"{Actions}/{overdue.GetProperty("id").GetString()}/done", new { done = true, version = 1 })).JsonAsync(HttpStatusCode.OK);
        Assert.False(done.GetProperty("overdue").GetBoolean());
        await (await coordinator.PutAsJsonAsync($"{Actions}/{overdue.GetProperty("id").GetString()}/done", new { done = false, version = 1 })).JsonAsync(HttpStatusCode.Conflict);
        Assert.DoesNotContain((await (await member.GetAsync(Actions)).JsonAsync(HttpStatusCode.OK)).EnumerateArray(), a => a.GetProperty("action").GetProperty("what").GetString() == "Diffuser le bilan");
    }

    [Fact]
    public async Task Minutes_wait_for_the_meeting_to_be_held()
    {
        var coordinator = await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCoordinator);
        var meeting = await (await coordinator.PostAsJsonAsync(Meetings, Committee((await StructuresAsync(coordinator)).Take(1)))).JsonAsync(HttpStatusCode.Created);
        var refused = await (await coordinator.PutAsJsonAsync($"{Meetings}/{meeting.GetProperty("summary").GetProperty("id").GetString()}/minutes", new { minutes = "CR", publish = true, version = 1 }))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("reunion-tenue", refused.GetProperty("rules")[0].GetProperty("rule").GetString());
    }
}

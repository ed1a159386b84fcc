using System.Net;
using System.Net.Http.Json;
using SproHub.Plugins.OrientationModeEmploi;
using SproHub.Testing;
using Xunit;

namespace OrientationModeEmploi.Tests;

/// <summary>The API through the real host on a real database (reset by Respawn before each test), and its gate.</summary>
public sealed class NoteEndpointTests(SproHubFactory factory) : IClassFixture<SproHubFactory>, IAsyncLifetime
{
    private const string Territory = "indre-et-loire";
    /// <summary>A local SPRO where the plugin is not enabled.</summary>
    private const string Elsewhere = Territory == "cher" ? "orleans" : "cher";
    private static readonly string Notes = $"/api/territories/{Territory}/{OrientationModeEmploiModule.Id}/notes";

    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_coordinator_records_a_note_that_the_territory_then_reads()
    {
        var coordinator = await factory.ClientAsAsync(DemoAccounts.Coordinator(Territory));
        var created = await (await coordinator.PostAsJsonAsync(Notes, new { date = "2026-01-15", title = "Forum des métiers", text = "120 visiteurs." })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("Forum des métiers", created.GetProperty("title").GetString());

        var notes = await (await coordinator.GetAsync(Notes)).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(notes.EnumerateArray(), n => n.GetProperty("title").GetString() == "Forum des métiers");
        var page = await (await factory.ClientAsCookieAsync(DemoAccounts.Member(Territory))).GetStringAsync($"/t/{Territory}/{OrientationModeEmploiModule.Id}");
        Assert.Contains("Forum des métiers", System.Net.WebUtility.HtmlDecode(page));
    }

    [Fact]
    public async Task An_invalid_note_is_refused_with_problem_details_naming_the_field_and_nothing_is_stored()
    {
        var coordinator = await factory.ClientAsAsync(DemoAccounts.Coordinator(Territory));
        var before = await coordinator.GetStringAsync(Notes);

        var problem = await (await coordinator.PostAsJsonAsync(Notes, new { date = "2026-01-15", title = "" })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains(problem.GetProperty("rules").EnumerateArray(), r => r.GetProperty("field").GetString() == "title");
        var future = await (await coordinator.PostAsJsonAsync(Notes, new { date = DateTime.Today.AddYears(1).ToString("yyyy-MM-dd"), title = "Plus tard" })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains(future.GetProperty("rules").EnumerateArray(), r => r.GetProperty("rule").GetString() == "date-passee");

        Assert.Equal(before, await coordinator.GetStringAsync(Notes));
    }

    [Fact]
    public async Task A_member_reads_but_does_not_record_and_another_territory_s_coordinator_does_neither()
    {
        var member = await factory.ClientAsAsync(DemoAccounts.Member(Territory));
        var before = await (await member.GetAsync(Notes)).Content.ReadAsStringAsync();
        await (await member.PostAsJsonAsync(Notes, new { date = "2026-01-15", title = "Par un membre" })).JsonAsync(HttpStatusCode.Forbidden);
        var stranger = await factory.ClientAsAsync(DemoAccounts.Coordinator(Territory == "cher" ? "loir-et-cher" : "cher"));
        await (await stranger.GetAsync(Notes)).JsonAsync(HttpStatusCode.Forbidden);
        await (await stranger.PostAsJsonAsync(Notes, new { date = "2026-01-15", title = "D'ailleurs" })).JsonAsync(HttpStatusCode.Forbidden);
        Assert.Equal(before, await member.GetStringAsync(Notes));
    }

    [Fact]
    public async Task Without_login_the_API_answers_401()
    {
        await (await factory.CreateClient().GetAsync(Notes)).JsonAsync(HttpStatusCode.Unauthorized);
        await (await factory.CreateClient().PostAsJsonAsync(Notes, new { date = "2026-01-15", title = "Anonyme" })).JsonAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Where_the_plugin_is_not_enabled_it_does_not_exist()
    {
        var admin = await factory.ClientAsAsync(DemoAccounts.RegionAdmin);
        await (await admin.GetAsync($"/api/territories/{Elsewhere}/{OrientationModeEmploiModule.Id}/notes")).JsonAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await (await factory.ClientAsCookieAsync(DemoAccounts.RegionAdmin)).GetAsync($"/t/{Elsewhere}/{OrientationModeEmploiModule.Id}")).StatusCode);
    }

    [Fact]
    public async Task Once_enabled_elsewhere_it_answers_there_without_the_first_territory_s_notes()
    {
        var admin = await factory.ClientAsAsync(DemoAccounts.RegionAdmin);
        await (await admin.PutAsJsonAsync($"/api/admin/modules/{OrientationModeEmploiModule.Id}/territories/{Elsewhere}", new { enabled = true })).JsonAsync(HttpStatusCode.OK);
        var notes = await (await admin.GetAsync($"/api/territories/{Elsewhere}/{OrientationModeEmploiModule.Id}/notes")).JsonAsync(HttpStatusCode.OK);
        Assert.Empty(notes.EnumerateArray());
    }
}

using System.Net;
using System.Net.Http.Json;
using SproHub.Shared.Territories;
using SproHub.Testing;
using Xunit;
using static ClipContests.Tests.ClipApi;

namespace ClipContests.Tests;

/// <summary>A team's project, permissions and clip, its publication and the public gallery's views, through the real host.</summary>
[Collection(SharedPlatform.Name)]
public sealed class ClipGalleryTests(SproHubFactory factory) : IAsyncLifetime
{
    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private DateOnly Today => ParisTime.Today(factory.Clock);

    [Fact]
    public async Task A_clip_is_published_only_with_its_three_permissions_and_the_gallery_counts_a_person_once_a_day()
    {
        var agent = await factory.ClientAsAsync(Agent);
        var team = (await RegisterAsync(agent, Today.Year, Today)).GetProperty("id").GetGuid();
        var project = await (await agent.PutAsJsonAsync(Url($"teams/{team}/project"), new { job = "Boulangère", theme = "Lutte contre les discriminations", version = 1 })).JsonAsync(HttpStatusCode.OK);
        var wrongTheme = await (await agent.PutAsJsonAsync(Url($"teams/{team}/project"), new { job = "Boulangère", theme = "Cuisine", version = project.GetProperty("version").GetInt32() }))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("theme:theme-de-l-edition", wrongTheme.Rules());

        // Bad files are refused by their content, and leave no clip behind.
        var notAVideo = await (await agent.PutAsync(Url($"teams/{team}/clip/Video?name=clip.mp4"), Bytes(Pdf))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("video:type-de-fichier", notAVideo.Rules());
        var badLink = await (await agent.PutAsJsonAsync(Url($"teams/{team}/clip"), new { description = "Un clip.", videoLink = "http://exemple.fr/clip" })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("videoLink:lien-video", badLink.Rules());
        var clip = await SubmitClipAsync(agent, team);
        await (await agent.PutAsync(Url($"teams/{team}/clip/Subtitles?name=sous-titres.vtt"), Bytes(Vtt))).JsonAsync(HttpStatusCode.OK);

        // Without its permissions, no publication; the gallery shows nothing of it.
        var coordinator = await factory.ClientAsAsync(Coordinator);
        var refused = await (await coordinator.PutAsJsonAsync(Url($"clips/{clip}/publication"), new { published = true })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("permissions:autorisations-manquantes", refused.Rules());
        var future = await (await agent.PutAsync(Url($"teams/{team}/permissions/Filming?signedBy=Claire&signedOn={Today.AddDays(3):yyyy-MM-dd}&name=a.pdf"), Bytes(Pdf))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("signedOn:date-autorisation", future.Rules());
        var visitor = factory.CreateClient();
        await (await visitor.GetAsync(Url($"gallery/{clip}"))).JsonAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/t/{Territory}/clips/galerie/{clip}/Video")).StatusCode);

        await PermissionsAsync(agent, team, Today);
        var withPermissions = await (await agent.GetAsync(Url($"teams/{team}"))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, withPermissions.GetProperty("missingPermissions").GetArrayLength());
        await (await agent.PutAsJsonAsync(Url($"clips/{clip}/publication"), new { published = true })).JsonAsync(HttpStatusCode.Forbidden);
        var published = await (await coordinator.PutAsJsonAsync(Url($"clips/{clip}/publication"), new { published = true })).JsonAsync(HttpStatusCode.OK);
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, published.GetProperty("publishedAt").ValueKind);

        // Anyone sees it and plays it; the permissions stay with the team.
        var gallery = await (await visitor.GetAsync(Url("gallery"))).JsonAsync(HttpStatusCode.OK);
        var shown = gallery[0].GetProperty("clips").EnumerateArray().Single();
        Assert.Equal("Boulangère", shown.GetProperty("job").GetString());
        Assert.True(shown.GetProperty("hasSubtitles").GetBoolean());
        var video = await visitor.GetAsync($"/t/{Territory}/clips/galerie/{clip}/Video");
        Assert.Equal("video/mp4", video.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Mp4.Length, (await video.Content.ReadAsByteArrayAsync()).Length);
        await (await visitor.GetAsync(Url($"teams/{team}/permissions/Filming"))).JsonAsync(HttpStatusCode.Unauthorized);

        // A view per person per day: the same browser twice, another browser, a signed-in person twice, then the next day.
        async Task<(bool Counted, int Views)> ViewAsync(HttpClient client)
        {
            var answer = await (await client.PostAsync(Url($"gallery/{clip}/views"), null)).JsonAsync(HttpStatusCode.OK);
            return (answer.GetProperty("counted").GetBoolean(), answer.GetProperty("views").GetInt32());
        }
        Assert.Equal((true, 1), await ViewAsync(visitor));
        Assert.Equal((false, 1), await ViewAsync(visitor));
        // Without a visitor identity nothing counts, however often: the answer hands the browser its cookie.
        var cookieless = factory.CreateClient(new() { HandleCookies = false });
        for (var i = 0; i < 13; i++) Assert.Equal((false, 1), await ViewAsync(cookieless));
        Assert.Equal(1, (await cookieless.GetAsync($"/t/{Territory}/clips/galerie/{clip}")).Headers.GetValues("Set-Cookie").Count(c => c.StartsWith("clips_visiteur=")));
        var newcomer = factory.CreateClient();
        Assert.Equal((false, 1), await ViewAsync(newcomer));
        Assert.Equal((true, 2), await ViewAsync(newcomer));
        Assert.Equal((true, 3), await ViewAsync(coordinator));
        Assert.Equal((false, 3), await ViewAsync(coordinator));
        factory.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal((true, 4), await ViewAsync(visitor));
        agent = await factory.ClientAsAsync(Agent);
        coordinator = await factory.ClientAsAsync(Coordinator);

        // Published, it no longer changes; withdrawn, it is gone from the gallery.
        var locked = await (await agent.PutAsync(Url($"teams/{team}/clip/Poster?name=autre.png"), Bytes(Png))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("poster:clip-publie", locked.Rules());
        await (await coordinator.PutAsJsonAsync(Url($"clips/{clip}/publication"), new { published = false })).JsonAsync(HttpStatusCode.OK);
        await (await visitor.PostAsync(Url($"gallery/{clip}/views"), null)).JsonAsync(HttpStatusCode.NotFound);
        // Another territory's gallery never shows it; where the plugin is off there is no gallery.
        Assert.Equal(0, (await (await visitor.GetAsync(Url("gallery", "cher"))).JsonAsync(HttpStatusCode.OK)).GetArrayLength());
        await (await visitor.GetAsync(Url("gallery", "orleans"))).JsonAsync(HttpStatusCode.NotFound);

        // The Indicators module counts them through the outbox: a team registered, four views (the clip published, then withdrawn).
        await factory.DispatchOutboxAsync();
        var dashboard = await (await coordinator.GetAsync($"/api/territories/{Territory}/indicators/dashboards/{Today.Year}")).JsonAsync(HttpStatusCode.OK);
        var lines = dashboard.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("lines").EnumerateArray()).ToDictionary(l => l.GetProperty("code").GetString()!);
        Assert.Equal(1m, lines["clips.teams-registered"].GetProperty("figure").GetProperty("value").GetDecimal());
        Assert.Equal(4m, lines["clips.clip-views"].GetProperty("figure").GetProperty("value").GetDecimal());
        Assert.Equal(0m, lines["clips.clips-published"].GetProperty("figure").GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task Clips_are_due_by_the_submission_date()
    {
        var agent = await factory.ClientAsAsync(Agent);
        var team = (await RegisterAsync(agent, Today.Year, Today)).GetProperty("id").GetGuid();
        factory.Clock.Advance(TimeSpan.FromDays(121)); // the demo edition's clips are due 120 days after its opening
        agent = await factory.ClientAsAsync(Agent);
        var late = await (await agent.PutAsJsonAsync(Url($"teams/{team}/clip"), new { description = "Trop tard." })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("description:depot-clos", late.Rules());
    }
}

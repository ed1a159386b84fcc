using System.Net;
using System.Net.Http.Json;
using SproHub.Shared.Territories;
using SproHub.Testing;
using Xunit;
using static ClipContests.Tests.ClipApi;

namespace ClipContests.Tests;

/// <summary>The screening's programme and attendance, the prize-giving's questionnaire, through the real host.</summary>
[Collection(SharedPlatform.Name)]
public sealed class ScreeningQuestionnaireTests(SproHubFactory factory) : IAsyncLifetime
{
    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_programme_screens_only_clips_with_their_permissions_and_the_attendance_is_counted_after_the_screening()
    {
        var today = ParisTime.Today(factory.Clock);
        var year = today.Year;
        var agent = await factory.ClientAsAsync(Agent);
        var (_, ready) = await CompetingAsync(agent, year, today, "Les Cadreurs");
        var unready = (await RegisterAsync(agent, year, today, "Sans autorisation")).GetProperty("id").GetGuid();
        var unreadyClip = await SubmitClipAsync(agent, unready);
        var coordinator = await factory.ClientAsAsync(Coordinator);
        var at = today.AddDays(125).ToDateTime(new TimeOnly(18, 30));

        var refused = await (await coordinator.PutAsJsonAsync(Url($"editions/{year}/screening"), new { startsAt = at, venue = "Cinéma Le Dunois", programme = new[] { ready, unreadyClip } }))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("programme[1]:autorisations-manquantes", refused.Rules());
        await (await agent.PutAsJsonAsync(Url($"editions/{year}/screening"), new { startsAt = at, venue = "Cinéma", programme = new[] { ready } })).JsonAsync(HttpStatusCode.Forbidden);
        var planned = await (await coordinator.PutAsJsonAsync(Url($"editions/{year}/screening"), new { startsAt = at, venue = "Cinéma Le Dunois", programme = new[] { ready } }))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Les Cadreurs", planned.GetProperty("programme")[0].GetProperty("teamName").GetString());
        var stale = await (await coordinator.PutAsJsonAsync(Url($"editions/{year}/screening"), new { startsAt = at, venue = "Autre salle", programme = new[] { ready }, version = 99 }))
            .JsonAsync(HttpStatusCode.Conflict);
        var version = planned.GetProperty("version").GetInt32();
        var publicView = await (await factory.CreateClient().GetAsync(Url($"editions/{year}/screening"))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Cinéma Le Dunois", publicView.GetProperty("venue").GetString());

        var early = await (await coordinator.PutAsJsonAsync(Url($"editions/{year}/screening/attendance"), new { attendance = 180, version })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("attendance:projection-a-venir", early.Rules());
        factory.Clock.Advance(TimeSpan.FromDays(126));
        coordinator = await factory.ClientAsAsync(Coordinator);
        var counted = await (await coordinator.PutAsJsonAsync(Url($"editions/{year}/screening/attendance"), new { attendance = 180, version })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(180, counted.GetProperty("attendance").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Object, stale.ValueKind);
    }

    [Fact]
    public async Task The_public_answers_once_per_phone_while_the_questionnaire_is_open_and_the_coordination_reads_the_counts()
    {
        var year = ParisTime.Today(factory.Clock).Year;
        object Answer(int satisfaction) => new { respondent = "Public", satisfaction, knewSproBefore = false, knowsWhereToAsk = true, wantsToDiscoverAJob = true, comment = "Bravo aux équipes !" };
        // A phone opens the questionnaire's page (its cookie comes with it); a request from nobody in particular is refused.
        async Task<HttpClient> PhoneAsync(string territory = Territory)
        {
            var client = factory.CreateClient();
            (await client.GetAsync($"/t/{territory}/clips/{year}/questionnaire")).EnsureSuccessStatusCode();
            return client;
        }
        var nobody = await (await factory.CreateClient(new() { HandleCookies = false }).PostAsJsonAsync(Url($"editions/{year}/questionnaire/answers"), Answer(5)))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("clips_visiteur:visiteur-identifie", nobody.Rules());
        var phone = await PhoneAsync();
        var closed = await (await phone.PostAsJsonAsync(Url($"editions/{year}/questionnaire/answers"), Answer(5))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("year:questionnaire-ferme", closed.Rules());

        var coordinator = await factory.ClientAsAsync(Coordinator);
        await (await (await factory.ClientAsAsync(Agent)).PutAsJsonAsync(Url($"editions/{year}/questionnaire/open"), new { open = true })).JsonAsync(HttpStatusCode.Forbidden);
        await (await coordinator.PutAsJsonAsync(Url($"editions/{year}/questionnaire/open"), new { open = true })).JsonAsync(HttpStatusCode.NoContent);
        var bad = await (await phone.PostAsJsonAsync(Url($"editions/{year}/questionnaire/answers"), Answer(6))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("satisfaction:", string.Join(",", bad.Rules()));
        await (await phone.PostAsJsonAsync(Url($"editions/{year}/questionnaire/answers"), Answer(5))).JsonAsync(HttpStatusCode.NoContent);
        var again = await (await phone.PostAsJsonAsync(Url($"editions/{year}/questionnaire/answers"), Answer(1))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("year:deja-repondu", again.Rules());
        await (await (await PhoneAsync()).PostAsJsonAsync(Url($"editions/{year}/questionnaire/answers"), Answer(2))).JsonAsync(HttpStatusCode.NoContent);

        await (await factory.CreateClient().GetAsync(Url($"editions/{year}/questionnaire/results"))).JsonAsync(HttpStatusCode.Unauthorized);
        var results = await (await coordinator.GetAsync(Url($"editions/{year}/questionnaire/results"))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, results.GetProperty("answers").GetInt32());
        Assert.Equal(1, results.GetProperty("satisfied").GetInt32());
        var satisfaction = results.GetProperty("questions")[1].GetProperty("counts").EnumerateArray().Select(c => c.GetProperty("value").GetInt32());
        Assert.Equal([0, 1, 0, 0, 1], satisfaction);
        Assert.Equal(2, results.GetProperty("comments").GetArrayLength());
        // Another territory's questionnaire is its own: Cher's is closed.
        await (await (await PhoneAsync()).PostAsJsonAsync(Url($"editions/{year}/questionnaire/answers", "cher"), Answer(5))).JsonAsync(HttpStatusCode.BadRequest);
    }
}

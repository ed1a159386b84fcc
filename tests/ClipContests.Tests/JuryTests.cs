using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SproHub.Shared.Territories;
using SproHub.Testing;
using Xunit;
using static ClipContests.Tests.ClipApi;

namespace ClipContests.Tests;

/// <summary>The jury through the real host: invitations, conflicts, secret marks, closing, the ranking and the president's prizes.</summary>
[Collection(SharedPlatform.Name)]
public sealed class JuryTests(SproHubFactory factory) : IAsyncLifetime
{
    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private const string President = "coordination@cher.demo";
    private const string Relative = "membre@cher.demo";

    [Fact]
    public async Task Members_score_during_the_jury_never_a_clip_in_conflict_and_see_only_their_marks_until_it_closes_then_the_president_confirms_the_ranking()
    {
        var today = ParisTime.Today(factory.Clock);
        var year = today.Year;
        var agent = await factory.ClientAsAsync(Agent);
        var (cadreursTeam, cadreurs) = await CompetingAsync(agent, year, today, "Les Cadreurs");
        var (planLargeTeam, planLarge) = await CompetingAsync(agent, year, today, "Plan large", role: "FederatesSchools");
        var missionLocale = await StructureAsync(agent, "FormsYouthTeams", year);

        // The coordinator invites three members: the president, the Mission Locale's agent (its teams are conflicts), a third.
        var coordinator = await factory.ClientAsAsync(Coordinator);
        string Jury(string path = "") => Url($"editions/{year}/jury{path}");
        await (await agent.PostAsJsonAsync(Jury("/members"), new { email = President, name = "Présidente Exemple", isPresident = true })).JsonAsync(HttpStatusCode.Forbidden);
        await (await coordinator.PostAsJsonAsync(Jury("/members"), new { email = President, name = "Présidente Exemple", isPresident = true })).JsonAsync(HttpStatusCode.Created);
        var second = await (await coordinator.PostAsJsonAsync(Jury("/members"), new { email = "autre@exemple.fr", name = "Autre", isPresident = true })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("isPresident:president-unique", second.Rules());
        await (await coordinator.PostAsJsonAsync(Jury("/members"), new { email = Agent, name = "Agent de la Mission Locale", structureId = missionLocale })).JsonAsync(HttpStatusCode.Created);
        await (await coordinator.PostAsJsonAsync(Jury("/members"), new { email = Relative, name = "Juré Exemple" })).JsonAsync(HttpStatusCode.Created);
        var twice = await (await coordinator.PostAsJsonAsync(Jury("/members"), new { email = Relative.ToUpperInvariant(), name = "Juré Exemple" })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("email:jure-unique", twice.Rules());

        // Before the jury opens, nobody scores.
        var president = await factory.ClientAsAsync(President);
        var early = await (await president.PutAsJsonAsync(Jury($"/scores/{cadreurs}"), new { marks = new[] { 10, 10, 10, 10 } })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("clipId:periode-jury", early.Rules());

        factory.Clock.Advance(TimeSpan.FromDays(130));
        president = await factory.ClientAsAsync(President);
        var ml = await factory.ClientAsAsync(Agent);
        var relative = await factory.ClientAsAsync(Relative);
        coordinator = await factory.ClientAsAsync(Coordinator);
        async Task ScoreAsync(HttpClient member, Guid clip, int[] marks, HttpStatusCode expected = HttpStatusCode.NoContent) =>
            await (await member.PutAsJsonAsync(Jury($"/scores/{clip}"), new { marks })).JsonAsync(expected);

        // Conflicts: the member's own structure's team, and a declared relative.
        var own = await (await ml.PutAsJsonAsync(Jury($"/scores/{cadreurs}"), new { marks = new[] { 10, 10, 10, 10 } })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("clipId:conflit-interets", own.Rules());
        await ScoreAsync(relative, planLarge, [20, 20, 20, 20]);
        await (await relative.PostAsJsonAsync(Jury("/conflicts"), new { teamId = planLargeTeam, reason = "Relative", note = "Ma nièce est dans l'équipe." })).JsonAsync(HttpStatusCode.NoContent);
        Assert.Contains("clipId:conflit-interets", (await (await relative.PutAsJsonAsync(Jury($"/scores/{planLarge}"), new { marks = new[] { 1, 1, 1, 1 } })).JsonAsync(HttpStatusCode.BadRequest)).Rules());
        // Bad marks are refused, naming the criterion.
        Assert.Contains("marks:notes", (await (await president.PutAsJsonAsync(Jury($"/scores/{cadreurs}"), new { marks = new[] { 10, 10 } })).JsonAsync(HttpStatusCode.BadRequest)).Rules());
        Assert.Contains("marks[1]:notes", (await (await president.PutAsJsonAsync(Jury($"/scores/{cadreurs}"), new { marks = new[] { 10, 21, 10, 10 } })).JsonAsync(HttpStatusCode.BadRequest)).Rules());
        // Someone outside the jury never scores, the coordination included.
        await ScoreAsync(coordinator, cadreurs, [10, 10, 10, 10], HttpStatusCode.Forbidden);
        await ScoreAsync(await factory.ClientAsAsync(DemoAccounts.Member("orleans")), cadreurs, [10, 10, 10, 10], HttpStatusCode.Forbidden);

        // Equal means (11.8), broken by the heaviest criterion (Message, 30): « Les Cadreurs » 16 against 10.
        await ScoreAsync(president, cadreurs, [16, 10, 10, 10]);
        await ScoreAsync(relative, cadreurs, [16, 10, 10, 10]);
        await ScoreAsync(ml, planLarge, [10, 14, 14, 8]);

        // Marks stay secret: each member reads their own; the coordination reads who has scored how much.
        var seenByRelative = await (await relative.GetAsync(Jury())).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, seenByRelative.GetProperty("ranking").ValueKind);
        var clipsSeen = seenByRelative.GetProperty("clips").EnumerateArray().ToDictionary(c => c.GetProperty("teamName").GetString()!);
        Assert.Equal([16, 10, 10, 10], clipsSeen["Les Cadreurs"].GetProperty("myMarks").EnumerateArray().Select(m => m.GetInt32()));
        Assert.Equal(JsonValueKind.Null, clipsSeen["Plan large"].GetProperty("myMarks").ValueKind); // withdrawn with the conflict
        Assert.Contains("proche", clipsSeen["Plan large"].GetProperty("conflict").GetString());
        var progress = await (await coordinator.GetAsync(Jury())).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(progress.GetProperty("members").EnumerateArray(), m => m.GetProperty("name").GetString() == "Présidente Exemple" && m.GetProperty("scored").GetInt32() == 1 && m.GetProperty("toScore").GetInt32() == 2);
        Assert.DoesNotContain("myMarks\":[", (await (await coordinator.GetAsync(Jury())).Content.ReadAsStringAsync()));
        await (await (await factory.ClientAsAsync(DemoAccounts.Member("orleans"))).GetAsync(Jury())).JsonAsync(HttpStatusCode.Forbidden);

        // The jury closes only once every mark is in.
        var version = progress.GetProperty("version").GetInt32();
        await (await ml.PostAsJsonAsync(Jury("/close"), new { version })).JsonAsync(HttpStatusCode.Forbidden);
        var incomplete = await (await coordinator.PostAsJsonAsync(Jury("/close"), new { version })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("year:notes-manquantes", incomplete.Rules());
        Assert.Contains("Présidente Exemple : 1 clip", incomplete.GetProperty("detail").GetString());
        await ScoreAsync(president, planLarge, [10, 14, 14, 10]);
        await (await coordinator.PostAsJsonAsync(Jury("/close"), new { version })).JsonAsync(HttpStatusCode.NoContent);
        Assert.Contains("periode-jury", string.Join(",", (await (await president.PutAsJsonAsync(Jury($"/scores/{planLarge}"), new { marks = new[] { 1, 1, 1, 1 } })).JsonAsync(HttpStatusCode.BadRequest)).Rules()));

        // Closed: everyone in the room reads the ranking.
        var closed = await (await relative.GetAsync(Jury())).JsonAsync(HttpStatusCode.OK);
        var ranking = closed.GetProperty("ranking").EnumerateArray().ToList();
        Assert.Equal(["Les Cadreurs", "Plan large"], ranking.Select(r => r.GetProperty("teamName").GetString()));
        Assert.Equal([11.8m, 11.8m], ranking.Select(r => r.GetProperty("mean").GetDecimal()));
        Assert.Equal([1, 2], ranking.Select(r => r.GetProperty("rank").GetInt32()));

        // Only the president confirms, and in the ranking's order.
        await (await relative.PostAsJsonAsync(Jury("/prizes"), new { podium = new[] { cadreurs, planLarge } })).JsonAsync(HttpStatusCode.Forbidden);
        var reversed = await (await president.PostAsJsonAsync(Jury("/prizes"), new { podium = new[] { planLarge, cadreurs } })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("podium:palmares-conforme", reversed.Rules());
        var prizes = await (await president.PostAsJsonAsync(Jury("/prizes"), new { podium = new[] { cadreurs, planLarge } })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal([1, 2], prizes.EnumerateArray().Select(p => p.GetProperty("rank").GetInt32()));

        // The prize shows in the gallery once the clip is published; the team's lead is told.
        await (await coordinator.PutAsJsonAsync(Url($"clips/{cadreurs}/publication"), new { published = true })).JsonAsync(HttpStatusCode.OK);
        var gallery = await (await factory.CreateClient().GetAsync(Url("gallery"))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, gallery[0].GetProperty("clips")[0].GetProperty("prize").GetInt32());
        await factory.DispatchOutboxAsync();
        Assert.Contains(factory.SentMails(), m => m.To.ToString().Contains(Agent) && (m.Subject ?? "").Contains("« Les Cadreurs » obtient le 1er prix"));

        // The lead says which skills the project developed (the seed's list, and words of their own); the certificates cite those.
        var teamVersion = (await (await ml.GetAsync(Url($"teams/{cadreursTeam}"))).JsonAsync(HttpStatusCode.OK)).GetProperty("version").GetInt32();
        var unknown = await (await ml.PutAsJsonAsync(Url($"teams/{cadreursTeam}/skills"), new { skills = new[] { "Piloter un drone" }, version = teamVersion })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("skills:competence-connue", unknown.Rules());
        Assert.Contains("skills:competence-requise", (await (await ml.PutAsJsonAsync(Url($"teams/{cadreursTeam}/skills"), new { skills = Array.Empty<string>(), version = teamVersion })).JsonAsync(HttpStatusCode.BadRequest)).Rules());
        await (await ml.PutAsJsonAsync(Url($"teams/{cadreursTeam}/skills"), new
        {
            skills = new[] { "Travailler en équipe et se rendre sur les lieux de tournage (mobilité)", "Chercher un sujet selon un thème précis et écrire un scénario" },
            other = "Monter une vidéo", version = teamVersion,
        })).JsonAsync(HttpStatusCode.OK);

        // Every participant's certificate, for the team's lead: as data, and as a PDF of a page each.
        var certificates = await (await ml.GetAsync(Url($"teams/{cadreursTeam}/certificates"))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(3, certificates.GetArrayLength());
        Assert.Equal(1, certificates[0].GetProperty("prize").GetInt32());
        Assert.Equal(["Chercher un sujet selon un thème précis et écrire un scénario", "Travailler en équipe et se rendre sur les lieux de tournage (mobilité)", "Monter une vidéo"],
            certificates[0].GetProperty("skills").EnumerateArray().Select(s => s.GetString()));
        var pdf = await ml.GetAsync(Url($"teams/{cadreursTeam}/certificates.pdf"));
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5));
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Matches(System.Text.Encoding.Latin1.GetString(bytes), @"/Type\s*/Page[^s]").Count);
        await (await relative.GetAsync(Url($"teams/{cadreursTeam}/certificates"))).JsonAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Certificates_come_with_the_prizes()
    {
        var today = ParisTime.Today(factory.Clock);
        var agent = await factory.ClientAsAsync(Agent);
        var team = (await RegisterAsync(agent, today.Year, today)).GetProperty("id").GetGuid();
        var early = await (await agent.GetAsync(Url($"teams/{team}/certificates"))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("teamId:attestations-apres-palmares", early.Rules());
    }
}

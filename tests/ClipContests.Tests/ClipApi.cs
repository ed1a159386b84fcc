using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SproHub.Testing;

namespace ClipContests.Tests;

/// <summary>The contest's API as the demo's people use it in Châteaudun (accounts of the README).</summary>
internal static class ClipApi
{
    public const string Territory = "chateaudun-nogent";
    public static readonly string Coordinator = DemoAccounts.Coordinator(Territory);
    /// <summary>Leads the demo's two teams at the Mission Locale de Châteaudun.</summary>
    public static readonly string Agent = DemoAccounts.Member(Territory);

    public static string Url(string path, string territory = Territory) => $"/api/territories/{territory}/clips/{path}";

    public static object Adult(string firstName, DateOnly today) => new { firstName, lastName = "Exemple", birthDate = today.AddYears(-20) };

    public static object Minor(string firstName, DateOnly today, DateOnly? consentOn) =>
        new { firstName, lastName = "Exemple", birthDate = today.AddYears(-16), parentName = consentOn is null ? null : "Parent Exemple", parentConsentOn = consentOn };

    public static async Task<Guid> StructureAsync(HttpClient client, string role, int year, string territory = Territory)
    {
        var edition = await (await client.GetAsync(Url($"editions/{year}", territory))).JsonAsync(HttpStatusCode.OK);
        return edition.GetProperty("partners").EnumerateArray().First(p => p.GetProperty("role").GetString() == role).GetProperty("structureId").GetGuid();
    }

    /// <summary>The agent registers a team of three adults for the demo's edition of this year.</summary>
    public static async Task<JsonElement> RegisterAsync(HttpClient agent, int year, DateOnly today, string name = "Les Cadreurs", string role = "FormsYouthTeams") =>
        await (await agent.PostAsJsonAsync(Url($"editions/{year}/teams"), new
        {
            name, structureId = await StructureAsync(agent, role, year), participants = new[] { Adult("Ana", today), Adult("Bilal", today), Adult("Chloé", today) },
        })).JsonAsync(HttpStatusCode.Created);

    /// <summary>A team whose clip is in competition: registered, its project, its three permissions, its clip.</summary>
    public static async Task<(Guid Team, Guid Clip)> CompetingAsync(HttpClient agent, int year, DateOnly today, string name, string role = "FormsYouthTeams")
    {
        var team = (await RegisterAsync(agent, year, today, name, role)).GetProperty("id").GetGuid();
        await (await agent.PutAsJsonAsync(Url($"teams/{team}/project"), new { job = $"Métier de {name}", theme = "Alternance", version = 1 })).JsonAsync(HttpStatusCode.OK);
        await PermissionsAsync(agent, team, today);
        return (team, await SubmitClipAsync(agent, team));
    }

    public static HttpContent Bytes(byte[] content) => new ByteArrayContent(content);

    public static byte[] Pdf => "%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"u8.ToArray();
    public static byte[] Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0];
    /// <summary>The head of an MP4 file (an ISO media « ftyp » box), then some bytes.</summary>
    public static byte[] Mp4 => [0, 0, 0, 24, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'i', (byte)'s', (byte)'o', (byte)'m', 0, 0, 2, 0, .. new byte[4096]];
    public static byte[] Vtt => "WEBVTT\n\n00:00.000 --> 00:02.000\nBonjour, je suis boulangère.\n"u8.ToArray();

    public static IEnumerable<string> Rules(this JsonElement problem) =>
        problem.GetProperty("rules").EnumerateArray().Select(r => $"{r.GetProperty("field").GetString()}:{r.GetProperty("rule").GetString()}");

    /// <summary>All three permissions, signed today, uploaded by the team's lead.</summary>
    public static async Task PermissionsAsync(HttpClient lead, Guid team, DateOnly today)
    {
        foreach (var kind in new[] { "Filming", "Publishing", "Workplace" })
            await (await lead.PutAsync(Url($"teams/{team}/permissions/{kind}?signedBy=Claire%20Exemple&signedOn={today:yyyy-MM-dd}&name=autorisation-{kind}.pdf"), Bytes(Pdf)))
                .JsonAsync(HttpStatusCode.OK);
    }

    /// <summary>A complete clip: description, video file and poster.</summary>
    public static async Task<Guid> SubmitClipAsync(HttpClient lead, Guid team)
    {
        await (await lead.PutAsJsonAsync(Url($"teams/{team}/clip"), new { description = "Une journée à la boulangerie, de 4 heures du matin à l'ouverture." })).JsonAsync(HttpStatusCode.OK);
        await (await lead.PutAsync(Url($"teams/{team}/clip/Video?name=boulangerie.mp4"), Bytes(Mp4))).JsonAsync(HttpStatusCode.OK);
        var view = await (await lead.PutAsync(Url($"teams/{team}/clip/Poster?name=affiche.png"), Bytes(Png))).JsonAsync(HttpStatusCode.OK);
        Xunit.Assert.True(view.GetProperty("clip").GetProperty("complete").GetBoolean());
        return view.GetProperty("clip").GetProperty("id").GetGuid();
    }
}

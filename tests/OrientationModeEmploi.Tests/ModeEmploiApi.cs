using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SproHub.Testing;

namespace OrientationModeEmploi.Tests;

/// <summary>Small helpers over the guide's API for the endpoint tests.</summary>
internal static class ModeEmploiApi
{
    public const string Territory = "indre-et-loire";
    public const string Api = $"/api/territories/{Territory}/mode-emploi";

    public static async Task<JsonElement> GuideAsync(HttpClient client) => await (await client.GetAsync($"{Api}/guide")).JsonAsync(HttpStatusCode.OK);

    public static IEnumerable<JsonElement> Questions(JsonElement guide) =>
        guide.GetProperty("themes").EnumerateArray().SelectMany(t => t.GetProperty("questions").EnumerateArray());

    public static string StructureId(JsonElement guide, string name) =>
        guide.GetProperty("structures").EnumerateArray().Single(s => s.GetProperty("name").GetString() == name).GetProperty("id").GetString()!;

    public static string ThemeId(JsonElement guide, string name) =>
        guide.GetProperty("themes").EnumerateArray().Single(t => t.GetProperty("name").GetString() == name).GetProperty("id").GetString()!;

    public static async Task<JsonElement> SearchAsync(HttpClient client, string query, bool record = false) =>
        await (await client.GetAsync($"{Api}/search?q={Uri.EscapeDataString(query)}&record={record.ToString().ToLowerInvariant()}")).JsonAsync(HttpStatusCode.OK);

    public static Task<HttpResponseMessage> CreateQuestionAsync(HttpClient client, string themeId, string text, params (string StructureId, string Role)[] answerers) =>
        client.PostAsJsonAsync($"{Api}/questions", new { themeId, text, answerers = answerers.Select(a => new { structureId = a.StructureId, role = a.Role }) });
}

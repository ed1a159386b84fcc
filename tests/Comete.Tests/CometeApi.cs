using System.Net.Http.Json;
using System.Text.Json;
using SproHub.Testing;
using Xunit;

namespace Comete.Tests;

/// <summary>Small helpers over COMETE's API for the endpoint tests.</summary>
internal static class CometeApi
{
    public const string LoirEtCher = "/api/territories/loir-et-cher/comete";

    /// <summary>A weekday at least that many days ahead (yyyy-MM-dd), for tests that must stay in the future.</summary>
    public static string WeekdayAhead(int days)
    {
        var date = DateTime.Today.AddDays(days);
        while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) date = date.AddDays(1);
        return date.ToString("yyyy-MM-dd");
    }

    public static async Task<string> SeriesIdAsync(HttpClient client) =>
        (await (await client.GetAsync($"{LoirEtCher}/series")).JsonAsync(System.Net.HttpStatusCode.OK))[0].GetProperty("id").GetString()!;

    public static async Task<JsonElement> ScheduleAsync(HttpClient client, string date, string sector = "Santé", string? start = null, string? end = null)
    {
        var series = await SeriesIdAsync(client);
        return await (await client.PostAsJsonAsync($"{LoirEtCher}/shows", new { seriesId = series, sector, date, startTime = start, endTime = end }))
            .JsonAsync(System.Net.HttpStatusCode.Created);
    }

    public static async Task<JsonElement> AddGuestAsync(HttpClient client, JsonElement show, string role, string name = "Invité")
    {
        var id = show.GetProperty("id").GetString();
        return await (await client.PostAsJsonAsync($"{LoirEtCher}/shows/{id}/guests", new { name, role, organisation = "Entreprise", version = show.GetProperty("version").GetInt32() }))
            .JsonAsync(System.Net.HttpStatusCode.OK);
    }

    public static Task<HttpResponseMessage> TransitionAsync(HttpClient client, JsonElement show, string transition) =>
        client.PostAsJsonAsync($"{LoirEtCher}/shows/{show.GetProperty("id").GetString()}/{transition}", new { version = show.GetProperty("version").GetInt32() });

    /// <summary>A show ready to confirm, as seed 003's were: coordinator, employer, employee, branch, key figures then testimonies.</summary>
    public static async Task<JsonElement> ConfirmableShowAsync(HttpClient client, string date)
    {
        var show = await ScheduleAsync(client, date);
        show = await AddGuestAsync(client, show, "Coordinator", "Coordonnatrice");
        show = await AddGuestAsync(client, show, "Employer", "Employeuse");
        show = await AddGuestAsync(client, show, "Employee", "Salarié");
        show = await AddGuestAsync(client, show, "ProfessionalBranch", "Branche");
        return await SetRunningOrderAsync(client, show, ("KeyFigures", 10), ("Testimony", 40));
    }

    public static async Task<JsonElement> SetRunningOrderAsync(HttpClient client, JsonElement show, params (string Kind, int Minutes)[] segments) =>
        await (await client.PutAsJsonAsync($"{LoirEtCher}/shows/{show.GetProperty("id").GetString()}/running-order",
                new { version = show.GetProperty("version").GetInt32(), segments = segments.Select((s, i) => new { kind = s.Kind, title = $"Séquence {i + 1}", minutes = s.Minutes }) }))
            .JsonAsync(System.Net.HttpStatusCode.OK);

    public static async Task<string> ShowJsonAsync(HttpClient client, JsonElement show) =>
        await client.GetStringAsync($"{LoirEtCher}/shows/{show.GetProperty("id").GetString()}");

    public static void AssertRule(JsonElement problem, string field, string rule)
    {
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"champ {field} absent : {problem}");
        Assert.Contains(problem.GetProperty("rules").EnumerateArray(), r => r.GetProperty("field").GetString() == field && r.GetProperty("rule").GetString() == rule);
    }
}

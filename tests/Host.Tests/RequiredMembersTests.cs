using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SproHub.Host.Platform.Errors;
using SproHub.Testing;
using Xunit;

namespace Host.Tests;

/// <summary>
/// Required means required, for every module and plugin at once: a body missing a member that is neither nullable nor
/// defaulted is refused with the member named, and nothing changes (a missing <c>enabled</c> used to disable a plugin).
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed class RequiredMembersTests(SproHubFactory factory) : IAsyncLifetime
{
    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private sealed record Body(bool Enabled, string? Note, DayOfWeek Day, int Count = 3);

    private static JsonSerializerOptions Options()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
        RequiredMembers.Apply(options);
        return options;
    }

    [Fact]
    public void Members_neither_nullable_nor_defaulted_are_required_and_named_when_missing()
    {
        var missing = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Body>("{}", Options()));
        Assert.Equal(["enabled", "day"], RequiredMembers.MissingIn(missing).Order().Reverse());

        var body = JsonSerializer.Deserialize<Body>("""{"enabled":false,"day":"Monday"}""", Options())!;
        Assert.Equal((false, null, DayOfWeek.Monday, 3), (body.Enabled, body.Note, body.Day, body.Count));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Body>("""{"enabled":null,"day":"Monday"}""", Options()));
    }

    [Fact]
    public async Task An_empty_body_does_not_disable_a_plugin_it_is_refused_naming_the_member()
    {
        var admin = await factory.ClientAsAsync(DemoAccounts.RegionAdmin);
        const string url = "/api/admin/modules/comete/territories/loir-et-cher";

        var problem = await (await admin.PutAsJsonAsync(url, new { })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains(problem.GetProperty("rules").EnumerateArray(), r => r.GetProperty("field").GetString() == "enabled" && r.GetProperty("rule").GetString() == "obligatoire");
        var invalidUtf8 = new ByteArrayContent([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
        invalidUtf8.Headers.ContentType = new("application/json");
        await (await admin.PutAsync(url, invalidUtf8)).JsonAsync(HttpStatusCode.BadRequest);
        var nullEnabled = new StringContent("""{"enabled":null}""", Encoding.UTF8, "application/json");
        await (await admin.PutAsync(url, nullEnabled)).JsonAsync(HttpStatusCode.BadRequest);

        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/api/territories/loir-et-cher/comete/programme")).StatusCode);
    }

    [Fact]
    public async Task A_missing_or_malformed_query_parameter_is_named()
    {
        var coordinator = await factory.ClientAsAsync(DemoAccounts.Coordinator("indre-et-loire"));
        var question = $"/api/territories/indre-et-loire/mode-emploi/questions/{Guid.NewGuid()}";

        var missing = await (await coordinator.DeleteAsync(question)).JsonAsync(HttpStatusCode.BadRequest);
        var malformed = await (await coordinator.DeleteAsync(question + "?version=abc")).JsonAsync(HttpStatusCode.BadRequest);

        Assert.Equal(("version", "obligatoire"), Rule(missing));
        Assert.Equal(("version", "format"), Rule(malformed));
    }

    private static (string?, string?) Rule(JsonElement problem) =>
        problem.GetProperty("rules")[0] is var r ? (r.GetProperty("field").GetString(), r.GetProperty("rule").GetString()) : default;
}

/// <summary>Control and bidirectional-override characters are refused in every text of every request, nested ones too.</summary>
[Collection(SharedPlatform.Name)]
public sealed class TextSafetyTests(SproHubFactory factory) : IAsyncLifetime
{
    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private sealed record Line(string Label, string? Note);
    private sealed record Request(string Name, string Description, IReadOnlyList<Line> Lines, byte[] Content);

    [Fact]
    public void Controls_and_direction_overrides_are_refused_tabs_and_line_breaks_are_not()
    {
        var request = new Request("a\u0000b", "Première ligne\n\tseconde ligne\r\n", [new("ok", null), new("x\u202Ey", "\u001b[31m")], [0, 1, 27]);

        var failures = SproHub.Host.Platform.Mediator.TextSafety.Check(request).Select(f => f.PropertyName).ToList();

        Assert.Equal(["Name", "Lines[1].Label", "Lines[1].Note"], failures);
    }

    [Fact]
    public async Task A_name_hiding_a_right_to_left_override_is_refused_and_nothing_is_stored()
    {
        var coordinator = await factory.ClientAsAsync(DemoAccounts.LoirEtCherCoordinator);
        const string shows = "/api/territories/loir-et-cher/comete/shows";
        var series = (await (await coordinator.GetAsync("/api/territories/loir-et-cher/comete/series")).JsonAsync(HttpStatusCode.OK))[0].GetProperty("id").GetString();
        var before = await coordinator.GetStringAsync("/api/territories/loir-et-cher/comete/programme");

        var problem = await (await coordinator.PostAsJsonAsync(shows, new { seriesId = series, sector = "Santé\u202Eéticnas", date = "2027-01-12" })).JsonAsync(HttpStatusCode.BadRequest);

        Assert.Contains(problem.GetProperty("rules").EnumerateArray(), r => r.GetProperty("field").GetString() == "sector" && r.GetProperty("rule").GetString() == "caracteres-interdits");
        Assert.Equal(before, await coordinator.GetStringAsync("/api/territories/loir-et-cher/comete/programme"));
    }
}

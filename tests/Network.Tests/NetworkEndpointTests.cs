using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SproHub.Network.Accounts;
using SproHub.Testing;
using Xunit;

namespace Network.Tests;

[Collection(SharedPlatform.Name)]
public sealed class NetworkEndpointTests(SproHubFactory factory) : IAsyncLifetime
{
    // Reads the demo data as seeded: one reset when the class starts, not one per test.
    public Task InitializeAsync() => factory.ResetOnceForAsync(GetType());
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_territories_API_lists_the_thirteen_local_SPROs_with_their_basins()
    {
        var territories = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/network/territories");
        Assert.Equal(13, territories.GetArrayLength());
        var cher = territories.EnumerateArray().Single(t => t.GetProperty("slug").GetString() == "cher");
        Assert.Equal("18", cher.GetProperty("departmentCode").GetString());
        Assert.Equal(4, cher.GetProperty("basins").GetArrayLength());
    }

    [Fact]
    public async Task A_territory_shows_its_structures_and_an_unknown_one_is_404()
    {
        var detail = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/territories/loir-et-cher/network/");
        Assert.Contains(detail.GetProperty("structures").EnumerateArray(), s => s.GetProperty("name").GetString() == "Mission Locale de Blois");
        Assert.All(detail.GetProperty("structures").EnumerateArray(), s => Assert.NotEqual("Bourges", s.GetProperty("town").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync("/api/territories/atlantide/network/")).StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_gets_no_token_and_a_French_answer()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/network/auth/token", new { email = "admin@region.demo", password = "mauvais" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("E-mail ou mot de passe incorrect.", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        var missing = await factory.CreateClient().PostAsJsonAsync("/api/network/auth/token", new { email = "", password = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }

    [Fact]
    public async Task The_login_page_signs_in_and_a_bad_password_is_explained()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var bad = await client.SubmitFormAsync("/compte/connexion", new() { ["Input.Email"] = "admin@region.demo", ["Input.Password"] = "mauvais" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("E-mail ou mot de passe incorrect.", await bad.Content.ReadAsStringAsync());
        var good = await client.SubmitFormAsync("/compte/connexion", new() { ["Input.Email"] = "admin@region.demo", ["Input.Password"] = DemoNetwork.Password });
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Contains("Camille Régnier", WebUtility.HtmlDecode(await client.GetStringAsync("/")));
    }
}

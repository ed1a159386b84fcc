using System.Net;
using SproHub.Network.Structures;
using SproHub.Testing;
using Xunit;

namespace Network.Tests;

/// <summary>The public directory of structures, through the real host on a real database.</summary>
[Collection(SharedPlatform.Name)]
public sealed class DirectoryTests(SproHubFactory factory) : IAsyncLifetime
{
    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<System.Text.Json.JsonElement> SearchAsync(string query) =>
        await (await factory.CreateClient().GetAsync($"/api/network/directory?{query}")).JsonAsync(HttpStatusCode.OK);

    private static List<string?> Names(System.Text.Json.JsonElement page) =>
        page.GetProperty("structures").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();

    [Fact]
    public void Words_are_compared_without_accents_case_or_punctuation() =>
        Assert.Equal(["mission", "locale", "de", "vendome"], DirectoryText.Words("Mission Locale de  VENDÔME !"));

    [Fact]
    public async Task Anyone_finds_structures_by_words_of_their_name_or_town_whatever_the_accents()
    {
        Assert.Equal(["Mission Locale de Vendôme"], Names(await SearchAsync("q=vendome")));
        Assert.Equal(["Mission Locale de Vendôme"], Names(await SearchAsync("q=mission%20VENDÔME")));
        Assert.Contains("CIO de Tours", Names(await SearchAsync("q=tours")));
        Assert.Empty(Names(await SearchAsync("q=tours%20vendome")));
    }

    [Fact]
    public async Task The_type_and_the_local_SPRO_narrow_the_search()
    {
        var cios = Names(await SearchAsync("type=Cio"));
        Assert.All(cios, n => Assert.StartsWith("CIO d", n));
        Assert.Contains("CIO de Bourges", cios);
        var cher = await SearchAsync("territory=cher&type=missionlocale");
        Assert.Equal(3, cher.GetProperty("total").GetInt32());
        Assert.All(cher.GetProperty("structures").EnumerateArray(), s => Assert.Equal("SPRO du Cher", s.GetProperty("territoryName").GetString()));
    }

    [Fact]
    public async Task Every_page_of_results_gives_the_same_total()
    {
        // The total is counted only when a page is full or empty past the first: a short page tells it.
        var first = await SearchAsync("");
        var total = first.GetProperty("total").GetInt32();
        Assert.True(total > 0);
        Assert.Equal(Math.Min(total, 50), first.GetProperty("structures").GetArrayLength());
        var lastPage = (total + 49) / 50;
        var last = await SearchAsync($"page={lastPage}");
        Assert.Equal((total, total - (lastPage - 1) * 50), (last.GetProperty("total").GetInt32(), last.GetProperty("structures").GetArrayLength()));
        var beyond = await SearchAsync($"page={lastPage + 1}");
        Assert.Equal((total, 0), (beyond.GetProperty("total").GetInt32(), beyond.GetProperty("structures").GetArrayLength()));
        var none = await SearchAsync("q=introuvable");
        Assert.Equal((0, 0), (none.GetProperty("total").GetInt32(), none.GetProperty("structures").GetArrayLength()));
    }

    [Fact]
    public async Task An_unknown_type_or_territory_is_refused_naming_the_field()
    {
        var client = factory.CreateClient();
        var type = await (await client.GetAsync("/api/network/directory?type=Boulangerie")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains(type.GetProperty("rules").EnumerateArray(), r => r.GetProperty("field").GetString() == "type" && r.GetProperty("rule").GetString() == "type-connu");
        var territory = await (await client.GetAsync("/api/network/directory?territory=departement-18")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains(territory.GetProperty("rules").EnumerateArray(), r => r.GetProperty("field").GetString() == "territory" && r.GetProperty("rule").GetString() == "spro-local");
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/annuaire?type=Boulangerie"));
        Assert.Contains("n'est pas un type de structure du réseau", page);
    }

    [Fact]
    public async Task The_directory_page_lists_the_structures_and_each_has_its_sheet()
    {
        var client = factory.CreateClient();
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/annuaire?q=bourges"));
        Assert.Contains("CIO de Bourges", page);
        var id = (await SearchAsync("q=cio%20bourges")).GetProperty("structures")[0].GetProperty("id").GetString();
        var sheet = WebUtility.HtmlDecode(await client.GetStringAsync($"/annuaire/{id}"));
        Assert.Contains("SPRO du Cher", sheet);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/annuaire/{Guid.NewGuid()}")).StatusCode);
        await (await client.GetAsync($"/api/network/directory/{Guid.NewGuid()}")).JsonAsync(HttpStatusCode.NotFound);
    }
}

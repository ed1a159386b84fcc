using System.Net;
using SproHub.Testing;
using Xunit;

namespace CelluleHandicap.Tests;

/// <summary>The territory's page tells everyone what the cell is, and links to it only those who may open it.</summary>
[Collection(SharedPlatform.Name)]
public sealed class TerritoryPageTests(SproHubFactory factory) : IAsyncLifetime
{
    // Reads the demo data as seeded: one reset when the class starts, not one per test.
    public Task InitializeAsync() => factory.ResetOnceForAsync(GetType());
    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(null, "cher", false)]
    [InlineData("personne@orleans.demo", "orleans", false)]
    [InlineData("membre@loir-et-cher.demo", "cher", false)]
    [InlineData(DemoAccounts.CherCoordinator, "cher", true)]
    [InlineData("conseil@cher.demo", "cher", true)]
    public async Task The_way_into_the_cell_is_shown_to_whom_may_follow_it(string? email, string territory, bool linked)
    {
        var browser = email is null ? factory.CreateClient() : await factory.ClientAsCookieAsync(email);
        var page = await browser.GetStringAsync($"/t/{territory}");
        Assert.Contains("Cellule Handicap Jeunes", page);
        Assert.Equal(linked, page.Contains("Ouvrir la cellule"));
        if (linked) Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/t/{territory}/cellule")).StatusCode);
    }
}

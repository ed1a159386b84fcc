using Microsoft.Playwright;
using SproHub.Testing;
using Xunit;

namespace EndToEnd;

public sealed class DirectoryJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_citizen_finds_a_structure_near_them_in_the_directory()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Annuaire" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Nom ou ville").FillAsync("tours");
        await page.GetByLabel("Type de structure").SelectOptionAsync(new SelectOptionValue { Label = "CIO" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Chercher" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("1 structure(s)");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "CIO de Tours" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("SPRO d'Indre-et-Loire");
        await page.AssertAccessibleAsync();
    }
}

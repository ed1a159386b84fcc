using Microsoft.Playwright;
using SproHub.Testing;
using Xunit;

namespace EndToEnd;

public sealed class BudgetJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_carrier_drafts_its_subsidy_request_within_the_coordination_cap_and_files_it()
    {
        var page = await browser.NewPageAsync();
        await page.LogInAsync(DemoAccounts.IndreEtLoireCoordinator);
        await page.GotoAsync("/t/indre-et-loire");
        await page.GetByRole(AriaRole.Link, new() { Name = "Budget", Exact = true }).First.ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = (DateTime.Today.Year + 1).ToString(), Exact = true }).ClickAsync();
        await page.GetByLabel("Projet ou action 1").FillAsync("Forum des métiers");
        await page.GetByLabel("Montant en euros de la ligne 1").FillAsync("7 000");
        await page.GetByLabel("Projet ou action 2").FillAsync("Coordination du SPRO");
        await page.GetByLabel("Nature de la ligne 2").SelectOptionAsync(new SelectOptionValue { Label = "coordination" });
        await page.GetByLabel("Montant en euros de la ligne 2").FillAsync("4000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la demande" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("au plus 3");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Montant en euros de la ligne 2").FillAsync("3 000,00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la demande" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Demande enregistrée");
        await page.GetByRole(AriaRole.Button, new() { Name = "Déposer la demande auprès de la Région" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("déposée auprès de la Région");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("10 000,00");
        await page.AssertAccessibleAsync();

        // The Région decides on this year's filed request.
        var region = await browser.NewPageAsync();
        await region.LogInAsync(DemoAccounts.RegionAdmin);
        await region.GotoAsync($"/t/indre-et-loire/budget?annee={DateTime.Today.Year}");
        await region.GetByText("Décision de la Région").ClickAsync();
        await region.GetByLabel("Date du vote de la CPR").FillAsync($"{DateTime.Today.Year}-02-10");
        await region.AssertAccessibleAsync();
        await region.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la décision" }).ClickAsync();
        await Assertions.Expect(region.GetByRole(AriaRole.Status)).ToContainTextAsync("Décision enregistrée");
        await region.AssertAccessibleAsync();
    }
}

using Microsoft.Playwright;
using SproHub.Shared.Territories;
using SproHub.Testing;
using Xunit;

namespace EndToEnd;

/// <summary>A coordinator reviews, corrects and submits the year's dashboard.</summary>
[Collection(SharedBrowser.Name)]
public sealed class DashboardJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    // The journeys share one platform: each starts from the demo data.
    public Task InitializeAsync() => browser.Platform.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_coordinator_reviews_corrects_and_submits_the_year_s_dashboard()
    {
        var year = ParisTime.Today(browser.Platform.Clock).Year;
        await browser.Platform.DispatchOutboxAsync(); // the demo's meetings reach the indicators
        var page = await browser.NewPageAsync();
        await page.LogInAsync(DemoAccounts.IndreEtLoireCoordinator);
        await page.GotoAsync("/t/indre-et-loire");
        await page.GetByRole(AriaRole.Link, new() { Name = "Indicateurs", Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync($"Tableau de bord d'évaluation {year}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Question 1 — Les acteurs du SPRO se connaissent-ils bien ?" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        // More agents trained than agents in the CIOs: refused with the rule, nothing lost.
        await page.GetByLabel("Agents formés — CIO").FillAsync("9");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la saisie" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("pas plus d'agents formés");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Agents formés — CIO").FillAsync("3");
        await page.GetByLabel("Équivalents temps plein (25)").FillAsync("1,2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la saisie" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saisie enregistrée");
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "Équivalents temps plein de coordination locale" })).ToContainTextAsync("1,2");

        await page.GetByRole(AriaRole.Button, new() { Name = "Soumettre le tableau de bord à la Région" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("soumis à la Région");
        await Assertions.Expect(page.GetByText("en attente d'approbation")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
    }
}

/// <summary>The Région approves a submitted dashboard and compares two local SPROs over years.</summary>
[Collection(SharedBrowser.Name)]
public sealed class RegionIndicatorJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    // The journeys share one platform: each starts from the demo data.
    public Task InitializeAsync() => browser.Platform.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_Région_approves_a_dashboard_and_compares_two_territories()
    {
        var lastYear = ParisTime.Today(browser.Platform.Clock).Year - 1;
        var page = await browser.NewPageAsync();
        await page.LogInAsync(DemoAccounts.RegionAdmin);
        await page.GetByRole(AriaRole.Link, new() { Name = "Indicateurs des SPRO" }).ClickAsync();
        await page.GetByLabel("Année").FillAsync(lastYear.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Afficher" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "à approuver" }).GetByRole(AriaRole.Link, new() { Name = "SPRO d'Indre-et-Loire" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Approuver le tableau de bord (Région)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("approuvé (version 1)");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Versions approuvées" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        await page.GotoAsync("/indicateurs/comparer");
        await page.GetByLabel("SPRO du Cher").CheckAsync();
        await page.GetByLabel("SPRO d'Indre-et-Loire").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Comparer" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = $"SPRO d'Indre-et-Loire {lastYear}" }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "20 — Part des agents formés ou professionnalisés" })).ToContainTextAsync("68,2 %");
        await page.AssertAccessibleAsync();

        // The figures the platform knows are rebuilt from the events the modules kept.
        await page.GotoAsync("/indicateurs");
        await page.GetByRole(AriaRole.Button, new() { Name = "Reconstruire les indicateurs depuis les événements conservés" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Indicateurs reconstruits");
    }
}

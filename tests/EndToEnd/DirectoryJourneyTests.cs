using Microsoft.Playwright;
using SproHub.Testing;
using Xunit;

namespace EndToEnd;

[Collection(SharedBrowser.Name)]
public sealed class DirectoryJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    // The journeys share one platform: each starts from the demo data.
    public Task InitializeAsync() => browser.Platform.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

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
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("1 structure");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "CIO de Tours" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("SPRO d'Indre-et-Loire");
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task A_coordinator_adds_a_structure_that_citizens_then_find()
    {
        var page = await browser.NewPageAsync();
        await page.LogInAsync(DemoAccounts.CherCoordinator);
        await page.GotoAsync("/t/cher");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ajouter une structure" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Nom").FillAsync("Point A de Sancoins");
        await page.GetByLabel("Type de structure").SelectOptionAsync(new SelectOptionValue { Label = "Point A" });
        await page.GetByLabel("Ville").FillAsync("Sancoins");
        await page.GetByLabel("Demandeurs d'emploi").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la structure" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("enregistrée");
        await page.AssertAccessibleAsync();
        // Its antenna, with opening hours.
        await page.GetByLabel("Nom du point d'accueil").FillAsync("Antenne de Nérondes");
        await page.Locator("#new-point-address").FillAsync("1 place de la Mairie");
        await page.Locator("#new-point-town").FillAsync("Nérondes");
        await page.GetByLabel("lundi").FillAsync("09:00-12:00, 13:30-17:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter le point d'accueil" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Antenne de Nérondes");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("lundi : 9 h – 12 h, 13 h 30 – 17 h");
        await page.AssertAccessibleAsync();

        await page.GotoAsync("/t/cher/structures/import");
        await page.AssertAccessibleAsync();

        await page.GotoAsync("/t/cher");
        await page.GetByRole(AriaRole.Link, new() { Name = "Enregistrer une désignation" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Prénom").FillAsync("Claire");
        await page.GetByLabel("Nom", new() { Exact = true }).FillAsync("Martin");
        await page.GetByLabel("Adresse e-mail").FillAsync("c.martin@ml-bourges.exemple.fr");
        await page.GetByLabel("Date de la plénière").FillAsync(DateTime.Today.AddDays(-7).ToString("yyyy-MM-dd"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la désignation" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Claire Martin");
        await page.GotoAsync("/annuaire/coordination");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("Claire Martin");
        await page.AssertAccessibleAsync();

        await page.GotoAsync("/t/cher/personnes");
        await page.GetByLabel("Prénom", new() { Exact = true }).FillAsync("Léa");
        await page.GetByLabel("Nom", new() { Exact = true }).FillAsync("Roux");
        await page.GetByLabel("Structure", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "CIO de Bourges" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter l'agent" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Fiche de Léa Roux ajoutée à CIO de Bourges");
        await page.AssertAccessibleAsync();

        await page.GotoAsync("/t/cher/structures/agents");
        await page.GetByLabel("CIO de Bourges").FillAsync("9");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les nombres d'agents" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("9 agents au total");
        await page.AssertAccessibleAsync();

        await page.GotoAsync("/annuaire?q=nerondes");
        await page.GetByRole(AriaRole.Link, new() { Name = "Point A de Sancoins" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Demandeurs d'emploi");
        await page.AssertAccessibleAsync();
    }
}

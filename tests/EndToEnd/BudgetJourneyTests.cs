using Microsoft.Playwright;
using SproHub.Shared.Territories;
using SproHub.Testing;
using Xunit;

namespace EndToEnd;

/// <summary>A subsidy request from the carrier's draft to the Région's advance paid in March.</summary>
[Collection(SharedBrowser.Name)]
public sealed class BudgetJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    // The journeys share one platform: each starts from the demo data.
    public Task InitializeAsync() => browser.Platform.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_carrier_drafts_and_files_its_request_the_Région_grants_it_and_pays_the_advance_in_March()
    {
        var platform = browser.Platform;
        var next = ParisTime.Today(platform.Clock).Year + 1;
        var page = await browser.NewPageAsync();
        await page.LogInAsync(DemoAccounts.IndreEtLoireCarrierAgent);
        await page.GotoAsync("/t/indre-et-loire");
        await page.GetByRole(AriaRole.Link, new() { Name = "Budget", Exact = true }).First.ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = next.ToString(), Exact = true }).ClickAsync();
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
        await Assertions.Expect(page.Locator("table").First).ToContainTextAsync("10 000,00");
        await page.AssertAccessibleAsync();

        // February of that year: the Région's finance officer records the CPR's decision.
        platform.Clock.Advance(new DateTime(next, 2, 20) - ParisTime.Today(platform.Clock).ToDateTime(TimeOnly.MinValue));
        var region = await browser.NewPageAsync();
        await region.LogInAsync(DemoAccounts.RegionFinance);
        await region.GetByRole(AriaRole.Link, new() { Name = "Budgets des SPRO" }).ClickAsync();
        await region.GetByLabel("Année").SelectOptionAsync(next.ToString());
        await region.GetByRole(AriaRole.Button, new() { Name = "Afficher" }).ClickAsync();
        await Assertions.Expect(region.GetByRole(AriaRole.Row, new() { Name = "SPRO d'Indre-et-Loire" })).ToContainTextAsync("demande déposée");
        await region.AssertAccessibleAsync();
        await region.GetByRole(AriaRole.Link, new() { Name = "SPRO d'Indre-et-Loire" }).ClickAsync();
        await region.GetByText("Décision de la Région").ClickAsync();
        await region.GetByLabel("Date du vote de la CPR").FillAsync($"{next}-02-10");
        await region.AssertAccessibleAsync();
        await region.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la décision" }).ClickAsync();
        await Assertions.Expect(region.GetByRole(AriaRole.Status)).ToContainTextAsync("acompte de 5 000,00 € à verser en mars");

        // An advance in February is refused; in March it is paid, half the grant.
        await region.GetByText("Enregistrer un paiement (Région)").ClickAsync();
        await region.GetByLabel("Montant en euros").FillAsync("5 000");
        await region.GetByLabel("Date du paiement").FillAsync($"{next}-02-18");
        await region.GetByLabel("Référence (mandat)").FillAsync($"M-{next}-0042");
        await region.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le paiement" }).ClickAsync();
        await Assertions.Expect(region.GetByRole(AriaRole.Alert)).ToContainTextAsync("L'acompte se verse en mars");
        await region.AssertAccessibleAsync();
        platform.Clock.Advance(TimeSpan.FromDays(25));
        region = await browser.NewPageAsync();
        await region.LogInAsync(DemoAccounts.RegionFinance);
        await region.GotoAsync($"/t/indre-et-loire/budget?annee={next}");
        await region.GetByText("Enregistrer un paiement (Région)").ClickAsync();
        await region.GetByLabel("Montant en euros").FillAsync("5 000");
        await region.GetByLabel("Date du paiement").FillAsync($"{next}-03-16");
        await region.GetByLabel("Référence (mandat)").FillAsync($"M-{next}-0042");
        await region.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le paiement" }).ClickAsync();
        await Assertions.Expect(region.GetByRole(AriaRole.Status)).ToContainTextAsync("5 000,00 € versés");

        // The carrier sees what is paid and what is left, and was told.
        await platform.DispatchOutboxAsync();
        page = await browser.NewPageAsync();
        await page.LogInAsync(DemoAccounts.IndreEtLoireCoordinator);
        await page.GotoAsync($"/t/indre-et-loire/budget?annee={next}");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Paiements de la Région" })).ToContainTextAsync($"M-{next}-0042");
        await Assertions.Expect(page.GetByText("reste à verser")).ToContainTextAsync("5 000,00");
        await page.AssertAccessibleAsync();
        await page.GotoAsync("/notifications");
        await Assertions.Expect(page.GetByText("Acompte versé").First).ToBeVisibleAsync();
    }
}

/// <summary>A year closed: the carrier reports its spending, the Région closes the year, the statement is locked and printable.</summary>
[Collection(SharedBrowser.Name)]
public sealed class YearClosureJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    // The journeys share one platform: each starts from the demo data.
    public Task InitializeAsync() => browser.Platform.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_carrier_reports_its_spending_the_Région_closes_the_year_and_prints_the_locked_statement()
    {
        var platform = browser.Platform;
        var year = ParisTime.Today(platform.Clock).Year;
        if (ParisTime.Today(platform.Clock).Month <= 3) platform.Clock.Advance(TimeSpan.FromDays(100));
        var region = await browser.NewPageAsync();
        await region.LogInAsync(DemoAccounts.RegionFinance);
        await region.GotoAsync($"/t/indre-et-loire/budget?annee={year}");
        await region.GetByText("Décision de la Région").ClickAsync();
        await region.GetByLabel("Date du vote de la CPR").FillAsync($"{year}-02-10");
        await region.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la décision" }).ClickAsync();
        await Assertions.Expect(region.GetByRole(AriaRole.Status)).ToContainTextAsync("Décision enregistrée");

        var carrier = await browser.NewPageAsync();
        await carrier.LogInAsync(DemoAccounts.IndreEtLoireCarrierAgent);
        await carrier.GotoAsync($"/t/indre-et-loire/budget?annee={year}");
        await carrier.GetByRole(AriaRole.Link, new() { Name = "État des dépenses et déclaration" }).ClickAsync();
        await carrier.AssertAccessibleAsync();
        await carrier.GetByLabel("Projet ou action").SelectOptionAsync(new SelectOptionValue { Label = "Forum des métiers de Tours" });
        await carrier.GetByLabel("Date de la dépense").FillAsync($"{year}-02-03");
        await carrier.GetByLabel("Montant en euros (négatif pour une correction)").FillAsync("5 400,00");
        await carrier.GetByLabel("Objet et pièce justificative").FillAsync("Location du parc des expositions, facture 2031");
        await carrier.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la dépense" }).ClickAsync();
        await Assertions.Expect(carrier.GetByRole(AriaRole.Status)).ToContainTextAsync("36,0 % de la subvention");
        await carrier.AssertAccessibleAsync();

        // January: the agreement has ended; the Région closes the year.
        platform.Clock.Advance(new DateTime(year + 1, 1, 20) - ParisTime.Today(platform.Clock).ToDateTime(TimeOnly.MinValue));
        region = await browser.NewPageAsync();
        await region.LogInAsync(DemoAccounts.RegionFinance);
        await region.GotoAsync($"/t/indre-et-loire/budget/depenses?annee={year}");
        await region.GetByRole(AriaRole.Button, new() { Name = $"Clore l'année {year} (chiffres arrêtés)" }).ClickAsync();
        await Assertions.Expect(region.GetByRole(AriaRole.Status)).ToContainTextAsync("5 400,00 € dépensés sur 15 000,00 € accordés");
        await Assertions.Expect(region.GetByRole(AriaRole.Heading, new() { Name = "Corriger après la clôture (Région)" })).ToBeVisibleAsync();
        await region.AssertAccessibleAsync();
        await region.GetByRole(AriaRole.Link, new() { Name = "État imprimable" }).ClickAsync();
        await Assertions.Expect(region.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync($"État de clôture — convention financière {year}");
        await region.AssertAccessibleAsync();

        // The carrier can no longer report on the closed year.
        carrier = await browser.NewPageAsync();
        await carrier.LogInAsync(DemoAccounts.IndreEtLoireCarrierAgent);
        await carrier.GotoAsync($"/t/indre-et-loire/budget/depenses?annee={year}");
        await Assertions.Expect(carrier.GetByText("chiffres arrêtés").First).ToBeVisibleAsync();
        await Assertions.Expect(carrier.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la dépense" })).ToHaveCountAsync(0);
    }
}

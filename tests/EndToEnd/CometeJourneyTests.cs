using Microsoft.Playwright;
using SproHub.Testing;
using Xunit;

namespace EndToEnd;

[Collection(SharedBrowser.Name)]
public sealed class CometeJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    // The journeys share one platform: each starts from the demo data.
    public Task InitializeAsync() => browser.Platform.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_coordinator_schedules_and_confirms_a_show_that_appears_in_the_programme_and_the_calendar()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await page.AssertAccessibleAsync();
        await page.LogInAsync(DemoAccounts.LoirEtCherCoordinator);

        await page.GotoAsync("/t/loir-et-cher");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Gérer COMETE" }).First.ClickAsync();
        await page.AssertAccessibleAsync();

        var date = DateTime.Today.AddDays(70);
        while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) date = date.AddDays(1);
        await page.GetByLabel("Secteur d'activité").FillAsync("Métiers de l'aide à la personne");
        await page.GetByLabel("Date").FillAsync(date.ToString("yyyy-MM-dd"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Programmer l'émission" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("programmée");

        await page.Locator("tr", new() { HasText = "Métiers de l'aide à la personne" }).GetByRole(AriaRole.Link).ClickAsync();
        await page.AssertAccessibleAsync();
        // As seed 003's shows: the coordinator, an employer and an employee, the branch; key figures, then testimonies.
        foreach (var (name, role) in new[] { ("Maëlle Girard", "Coordination"), ("Aline Meunier", "Employeur"), ("Rayan Colin", "Salarié"), ("Branche des services à la personne", "Branche professionnelle") })
        {
            await page.GetByLabel("Nom de l'invité").FillAsync(name);
            await page.GetByLabel("Rôle").SelectOptionAsync(new SelectOptionValue { Label = role });
            await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter l'invité" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(name);
        }
        await page.GetByLabel("Intitulé de la séquence 1").FillAsync("Le secteur en chiffres");
        await page.GetByLabel("Minutes de la séquence 1").FillAsync("10");
        await page.GetByLabel("Intitulé de la séquence 2").FillAsync("Témoignages des professionnels");
        await page.GetByLabel("Minutes de la séquence 2").FillAsync("40");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le déroulé" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Déroulé enregistré");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirmer l'émission" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("confirmée");
        await page.AssertAccessibleAsync();

        await page.GotoAsync("/t/loir-et-cher/comete");
        var card = page.Locator("article", new() { HasText = "Métiers de l'aide à la personne" });
        await Assertions.Expect(card).ToContainTextAsync("confirmée");
        await Assertions.Expect(card).ToContainTextAsync("Aline Meunier");
        await page.AssertAccessibleAsync();

        var feed = await page.APIRequest.GetAsync("/api/territories/loir-et-cher/comete/programme.ics");
        Assert.Contains("SUMMARY:COMETE — Métiers de l'aide à la personne", await feed.TextAsync());
    }

    [Fact]
    public async Task A_refused_show_is_explained_on_the_form()
    {
        var page = await browser.NewPageAsync();
        await page.LogInAsync(DemoAccounts.LoirEtCherCoordinator);
        await page.GotoAsync("/t/loir-et-cher/comete/gestion");
        var saturday = DateTime.Today.AddDays(40);
        while (saturday.DayOfWeek != DayOfWeek.Saturday) saturday = saturday.AddDays(1);
        await page.GetByLabel("Secteur d'activité").FillAsync("Sport");
        await page.GetByLabel("Date").FillAsync(saturday.ToString("yyyy-MM-dd"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Programmer l'émission" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("du lundi au vendredi");
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task The_Region_administrator_enables_COMETE_for_a_territory_and_reads_the_audit()
    {
        var page = await browser.NewPageAsync();
        await page.LogInAsync(DemoAccounts.RegionAdmin);
        await page.GotoAsync("/admin/modules");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Activer COMETE — émissions radio pour SPRO de Dreux" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("activé pour dreux");
        await page.GotoAsync("/t/dreux");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Programme COMETE" }).First).ToBeVisibleAsync();
        await page.GotoAsync("/admin/audit");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("Plugin activé dans un territoire");
        await page.AssertAccessibleAsync();

        // Each plugin's health, from the list of modules.
        await page.GotoAsync("/admin/modules");
        await page.GetByRole(AriaRole.Link, new() { Name = "COMETE — émissions radio" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Territoires où il est activé" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("SPRO de Dreux");
        await page.AssertAccessibleAsync();
    }
}

using Microsoft.Playwright;
using SproHub.Testing;
using Xunit;

namespace OrientationModeEmploi.Tests;

/// <summary>In a real browser, with an accessibility check on every page: reception searches, the coordinator completes the guide.</summary>
[Collection(SharedBrowser.Name)]
public sealed class ReceptionJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    // The journeys share one platform: each starts from the demo data.
    public Task InitializeAsync() => browser.Platform.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Reception_finds_where_to_send_someone_as_it_types_and_the_coordinator_adds_what_was_missing()
    {
        var reception = await browser.NewPageAsync();
        await reception.LogInAsync(DemoAccounts.IndreEtLoireMember);
        await reception.GotoAsync("/t/indre-et-loire");
        await reception.GetByRole(AriaRole.Link, new() { Name = "Mode d'emploi de l'orientation" }).First.ClickAsync();
        await reception.AssertAccessibleAsync();

        // Answers while typing, without leaving the page.
        var search = reception.GetByLabel("Question de la personne accueillie");
        await search.PressSequentiallyAsync("apprenti", new() { Delay = 40 });
        var results = reception.Locator("#results");
        await Assertions.Expect(results).ToContainTextAsync("Comment trouver un contrat d'apprentissage ?");
        Assert.DoesNotContain("q=", reception.Url);
        await reception.AssertAccessibleAsync();

        await results.GetByRole(AriaRole.Link, new() { Name = "CCI de Tours" }).First.ClickAsync();
        await Assertions.Expect(reception.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("CCI de Tours");
        await reception.AssertAccessibleAsync();
        await reception.GoBackAsync();

        // Nothing in the guide: said so, and passed on to the coordinator once typing has settled.
        await search.FillAsync("");
        await search.PressSequentiallyAsync("garde d'enfants", new() { Delay = 30 });
        await Assertions.Expect(results).ToContainTextAsync("Aucune question du guide");
        await reception.WaitForTimeoutAsync(2000);

        await reception.GetByRole(AriaRole.Link, new() { Name = "Le guide sur une page, à imprimer" }).ClickAsync();
        await Assertions.Expect(reception.GetByRole(AriaRole.Table)).ToContainTextAsync("J'ai un handicap et je cherche un emploi");
        await reception.AssertAccessibleAsync();

        var coordinator = await browser.NewPageAsync();
        await coordinator.LogInAsync(DemoAccounts.IndreEtLoireCoordinator);
        await coordinator.GotoAsync("/t/indre-et-loire/mode-emploi/gestion");
        await coordinator.AssertAccessibleAsync();
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Ajouter la question « garde d'enfants »" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByLabel("Question, telle que le public la pose")).ToHaveValueAsync("garde d'enfants");
        await coordinator.GetByLabel("Question, telle que le public la pose").FillAsync("Qui peut garder mes enfants pendant une formation ?");
        await coordinator.GetByLabel("Thème", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Vie quotidienne" });
        await coordinator.GetByLabel("Mission Locale de Tours : principale").CheckAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Ajouter la question" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Status)).ToContainTextAsync("ajoutée au guide");
        await coordinator.AssertAccessibleAsync();

        await reception.GotoAsync("/t/indre-et-loire/mode-emploi");
        await search.PressSequentiallyAsync("garder enfants", new() { Delay = 30 });
        await Assertions.Expect(results).ToContainTextAsync("Qui peut garder mes enfants pendant une formation ?");
    }
}

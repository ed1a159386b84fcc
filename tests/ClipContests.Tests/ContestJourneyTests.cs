using System.Globalization;
using Microsoft.Playwright;
using SproHub.Shared.Territories;
using SproHub.Testing;
using Xunit;
using static ClipContests.Tests.ClipApi;

namespace ClipContests.Tests;

/// <summary>The contest in a real browser, with an accessibility check on every page.</summary>
public sealed class ContestJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private async Task<IPage> AsAsync(string? email, string path, bool phone = false)
    {
        var page = await browser.NewPageAsync(phone);
        if (email is not null) await page.LogInAsync(email);
        await page.GotoAsync(path);
        await page.AssertAccessibleAsync();
        return page;
    }

    private static Task UploadAsync(IPage page, string label, string name, string type, byte[] content) =>
        page.GetByLabel(label).SetInputFilesAsync(new FilePayload { Name = name, MimeType = type, Buffer = content });

    [Fact]
    public async Task A_coordinator_opens_an_edition_an_agent_registers_a_team_with_its_permissions_and_clip_and_the_gallery_counts_a_view()
    {
        var platform = browser.Platform;
        await platform.ResetAsync();
        var today = ParisTime.Today(platform.Clock);

        // The coordinator opens next year's edition with the territory's structures.
        var coordinator = await AsAsync(Coordinator, $"/t/{Territory}/clips");
        await coordinator.GetByLabel("Année").FillAsync((today.Year + 1).ToString(CultureInfo.InvariantCulture));
        foreach (var (label, days) in new[] { ("Clôture des inscriptions", 30), ("Fin du tournage", 90), ("Date limite de dépôt des clips", 120), ("Ouverture du jury", 130), ("Clôture du jury", 140) })
            await coordinator.GetByLabel(label).FillAsync(today.AddDays(days).ToString("yyyy-MM-dd"));
        await coordinator.GetByLabel("Mission Locale de Châteaudun").SelectOptionAsync(new SelectOptionValue { Label = "forme des équipes de jeunes" });
        await coordinator.GetByLabel("CIO de Châteaudun").SelectOptionAsync(new SelectOptionValue { Label = "informe et fédère les établissements scolaires" });
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Ouvrir l'édition" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Status)).ToContainTextAsync($"Édition {today.Year + 1} ouverte");
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("inscriptions ouvertes");
        await coordinator.AssertAccessibleAsync();

        // An agent registers a team of this year's edition: two people are not a team; a minor needs a parent's consent.
        var agent = await AsAsync(Agent, $"/t/{Territory}/clips/{today.Year}");
        await agent.GetByLabel("Nom de l'équipe").FillAsync("Les Cadreurs");
        async Task ParticipantAsync(int i, string first, DateOnly birth)
        {
            await agent.Locator($"#p{i}-first").FillAsync(first);
            await agent.Locator($"#p{i}-last").FillAsync("Exemple");
            await agent.Locator($"#p{i}-birth").FillAsync(birth.ToString("yyyy-MM-dd"));
        }
        await ParticipantAsync(0, "Ana", today.AddYears(-20));
        await ParticipantAsync(1, "Bilal", today.AddYears(-16));
        await agent.GetByRole(AriaRole.Button, new() { Name = "Inscrire l'équipe" }).ClickAsync();
        await Assertions.Expect(agent.GetByRole(AriaRole.Alert)).ToContainTextAsync("de 3 à 5 participants");
        await agent.AssertAccessibleAsync();
        await ParticipantAsync(2, "Chloé", today.AddYears(-19));
        await agent.GetByRole(AriaRole.Button, new() { Name = "Inscrire l'équipe" }).ClickAsync();
        await Assertions.Expect(agent.GetByRole(AriaRole.Alert)).ToContainTextAsync("Bilal Exemple est mineur(e)");
        await agent.Locator("#p1-parent").FillAsync("Parent Exemple");
        await agent.Locator("#p1-consent").FillAsync(today.ToString("yyyy-MM-dd"));
        await agent.GetByRole(AriaRole.Button, new() { Name = "Inscrire l'équipe" }).ClickAsync();
        await Assertions.Expect(agent.GetByRole(AriaRole.Status)).ToContainTextAsync("Équipe « Les Cadreurs » inscrite avec 3 participants");
        await agent.AssertAccessibleAsync();

        // Its project, its three signed permissions, its clip.
        await agent.GetByLabel("Métier ou secteur filmé").FillAsync("Boulangère");
        await agent.GetByLabel("Thème").SelectOptionAsync(new SelectOptionValue { Label = "Alternance" });
        await agent.GetByLabel("Personne filmée").FillAsync("Claire Exemple");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le projet" }).ClickAsync();
        await Assertions.Expect(agent.GetByRole(AriaRole.Status)).ToContainTextAsync("Projet enregistré");
        foreach (var kind in new[] { "accord de la personne filmée pour le tournage", "accord de la personne filmée pour la diffusion", "accord de l'employeur pour filmer sur le lieu de travail" })
        {
            await agent.GetByLabel("Autorisation", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = kind });
            await agent.GetByLabel("Signée par").FillAsync("Claire Exemple");
            await agent.GetByLabel("Date de la signature").FillAsync(today.ToString("yyyy-MM-dd"));
            await UploadAsync(agent, "Document signé", "autorisation.pdf", "application/pdf", Pdf);
            await agent.GetByRole(AriaRole.Button, new() { Name = "Déposer l'autorisation" }).ClickAsync();
            await Assertions.Expect(agent.GetByRole(AriaRole.Status)).ToContainTextAsync($"Autorisation enregistrée : {kind}");
        }
        await Assertions.Expect(agent.GetByText("Manquante")).ToHaveCountAsync(0);
        await agent.GetByLabel("Description").FillAsync("Une journée à la boulangerie, de 4 heures du matin à l'ouverture.");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la description" }).ClickAsync();
        await UploadAsync(agent, "Fichier vidéo", "boulangerie.mp4", "video/mp4", Mp4);
        await agent.GetByRole(AriaRole.Button, new() { Name = "Déposer : Fichier vidéo" }).ClickAsync();
        await Assertions.Expect(agent.GetByRole(AriaRole.Status)).ToContainTextAsync("Vidéo déposée");
        await UploadAsync(agent, "Affiche", "affiche.png", "image/png", Png);
        await agent.GetByRole(AriaRole.Button, new() { Name = "Déposer : Affiche" }).ClickAsync();
        await Assertions.Expect(agent.GetByText("Déposé : il attend sa publication par la coordination.")).ToBeVisibleAsync();
        await agent.AssertAccessibleAsync();
        var teamPath = new Uri(agent.Url).AbsolutePath;

        // The coordination publishes it; anyone watches it in the gallery, on a phone; a view counts once that day.
        await coordinator.GotoAsync(teamPath);
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Publier dans la galerie" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Status)).ToContainTextAsync("Clip publié dans la galerie");
        var visitor = await AsAsync(null, $"/t/{Territory}/clips/galerie", phone: true);
        await visitor.GetByRole(AriaRole.Link, new() { Name = "Boulangère" }).ClickAsync();
        await Assertions.Expect(visitor.Locator("#views")).ToHaveTextAsync("1 vue");
        await visitor.AssertAccessibleAsync();
        await visitor.ReloadAsync();
        await Assertions.Expect(visitor.Locator("#views")).ToHaveTextAsync("1 vue");
    }
}

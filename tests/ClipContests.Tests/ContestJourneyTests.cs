using System.Globalization;
using Microsoft.Playwright;
using SproHub.Shared.Territories;
using SproHub.Testing;
using Xunit;
using static ClipContests.Tests.ClipApi;

namespace ClipContests.Tests;

/// <summary>The contest in a real browser, with an accessibility check on every page.</summary>
[Collection(SharedBrowser.Name)]
public sealed class ContestJourneyTests(BrowserFixture browser)
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
        await Assertions.Expect(agent.GetByRole(AriaRole.Alert)).ToContainTextAsync("Bilal Exemple n'a pas 18 ans");
        await agent.Locator("#p1-parent").FillAsync("Parent Exemple");
        await agent.Locator("#p1-consent").FillAsync(today.ToString("yyyy-MM-dd"));
        await agent.GetByRole(AriaRole.Button, new() { Name = "Inscrire l'équipe" }).ClickAsync();
        await Assertions.Expect(agent.GetByRole(AriaRole.Status)).ToContainTextAsync("Équipe « Les Cadreurs » inscrite avec 3 participants");
        await agent.AssertAccessibleAsync();

        // Its project, its three signed permissions, its clip.
        await agent.GetByLabel("Métier ou secteur filmé").FillAsync("Boulangère");
        await agent.GetByLabel("Thème", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Alternance" });
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

    [Fact]
    public async Task The_jury_scores_with_a_conflict_declared_the_president_confirms_the_prizes_certificates_come_out_and_the_public_answers_the_questionnaire()
    {
        var platform = browser.Platform;
        await platform.ResetAsync();
        var today = ParisTime.Today(platform.Clock);
        var year = today.Year;
        // Two clips in competition, prepared through the API: one of the Mission Locale, one of the CIO.
        var api = await platform.ClientAsAsync(Agent);
        await CompetingAsync(api, year, today, "Les Cadreurs");
        await CompetingAsync(api, year, today, "Plan large", role: "FederatesSchools");

        // The coordinator invites the jury: a president, the Mission Locale's agent, a third member.
        var coordinator = await AsAsync(Coordinator, $"/t/{Territory}/clips/{year}/jury");
        async Task InviteAsync(string name, string email, string? structure, bool president)
        {
            await coordinator.GetByLabel("Nom et fonction").FillAsync(name);
            await coordinator.GetByLabel("Adresse électronique").FillAsync(email);
            if (structure is not null) await coordinator.GetByLabel("Structure du réseau").SelectOptionAsync(new SelectOptionValue { Label = structure });
            if (president) await coordinator.GetByLabel("Préside le jury").CheckAsync();
            await coordinator.GetByRole(AriaRole.Button, new() { Name = "Inviter au jury" }).ClickAsync();
            await Assertions.Expect(coordinator.GetByRole(AriaRole.Status)).ToContainTextAsync($"Invitation au jury envoyée à {name}");
        }
        await InviteAsync("Présidente Exemple", "coordination@cher.demo", null, president: true);
        await InviteAsync("Agent de la Mission Locale", Agent, "Mission Locale de Châteaudun", president: false);
        await InviteAsync("Juré Exemple", "membre@cher.demo", null, president: false);
        await coordinator.AssertAccessibleAsync();

        // The jury opens; each member scores what they may.
        platform.Clock.Advance(TimeSpan.FromDays(130));
        async Task ScoreAsync(IPage member, string team, params int[] marks)
        {
            foreach (var (criterion, mark) in new[] { "Message", "Créativité", "Respect du thème", "Qualité technique" }.Zip(marks))
                await member.GetByLabel($"{criterion} (sur 20) — {team}").FillAsync(mark.ToString(CultureInfo.InvariantCulture));
            await member.GetByRole(AriaRole.Button, new() { Name = $"Noter : {team}" }).ClickAsync();
            await Assertions.Expect(member.GetByRole(AriaRole.Status)).ToContainTextAsync("Note enregistrée");
        }
        var president = await AsAsync("coordination@cher.demo", $"/t/{Territory}/clips/{year}/jury");
        await ScoreAsync(president, "Les Cadreurs", 16, 10, 10, 10);
        await ScoreAsync(president, "Plan large", 10, 14, 14, 10);
        var relative = await AsAsync("membre@cher.demo", $"/t/{Territory}/clips/{year}/jury");
        await relative.GetByText("Déclarer un conflit d'intérêts avec l'équipe Plan large").ClickAsync();
        await relative.GetByLabel("Lien avec l'équipe").Last.SelectOptionAsync(new SelectOptionValue { Label = "un proche fait partie de l'équipe ou du clip" });
        await relative.GetByRole(AriaRole.Button, new() { Name = "Déclarer le conflit avec l'équipe Plan large" }).ClickAsync();
        await Assertions.Expect(relative.GetByRole(AriaRole.Status)).ToContainTextAsync("vous ne notez pas ce clip");
        await ScoreAsync(relative, "Les Cadreurs", 16, 10, 10, 10);
        await relative.AssertAccessibleAsync();
        var ml = await AsAsync(Agent, $"/t/{Territory}/clips/{year}/jury");
        await Assertions.Expect(ml.Locator("p", new() { HasText = "sa structure encadre l'équipe" })).ToBeVisibleAsync();
        await ScoreAsync(ml, "Plan large", 10, 14, 14, 8);

        // The coordinator closes the jury; the president confirms the ranking.
        coordinator = await AsAsync(Coordinator, $"/t/{Territory}/clips/{year}/jury"); // signed in again: 130 days have passed
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Clore le jury" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Status)).ToContainTextAsync("Jury clos");
        await president.GotoAsync($"/t/{Territory}/clips/{year}/jury");
        await Assertions.Expect(president.GetByRole(AriaRole.Table, new() { Name = "Classement du jury" })).ToContainTextAsync("Les Cadreurs");
        await president.GetByRole(AriaRole.Button, new() { Name = "Confirmer le palmarès" }).ClickAsync();
        await Assertions.Expect(president.GetByRole(AriaRole.Status)).ToContainTextAsync("Palmarès confirmé");
        await president.AssertAccessibleAsync();

        // The team's lead prints the certificates.
        await ml.GotoAsync($"/t/{Territory}/clips/{year}");
        await ml.GetByRole(AriaRole.Link, new() { Name = "Les Cadreurs" }).ClickAsync();
        await ml.GetByRole(AriaRole.Link, new() { Name = "Attestations d'expérience des participants" }).ClickAsync();
        await Assertions.Expect(ml.GetByRole(AriaRole.Article)).ToHaveCountAsync(3);
        await Assertions.Expect(ml.GetByRole(AriaRole.Article).First).ToContainTextAsync("premier prix du jury");
        await ml.AssertAccessibleAsync();

        // At the prize-giving, the public answers on a phone; the coordinator reads the results.
        await coordinator.GotoAsync($"/t/{Territory}/clips/{year}/questionnaire/resultats");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Ouvrir le questionnaire" }).ClickAsync();
        var phone = await AsAsync(null, $"/t/{Territory}/clips/{year}/questionnaire", phone: true);
        await phone.GetByLabel("spectateur").CheckAsync();
        await phone.GetByLabel("5", new() { Exact = true }).CheckAsync();
        foreach (var group in new[] { "connaissiez-vous", "où vous adresser", "envie de découvrir" })
            await phone.GetByRole(AriaRole.Group, new() { Name = group }).GetByLabel("Oui").CheckAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "Envoyer mes réponses" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Status)).ToContainTextAsync("Merci");
        await phone.AssertAccessibleAsync();
        await coordinator.ReloadAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Heading, new() { Level = 2 }).First).ToContainTextAsync("1 réponse, 100 % satisfaites");
        await coordinator.AssertAccessibleAsync();
    }
}

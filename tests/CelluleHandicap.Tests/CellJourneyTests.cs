using System.Globalization;
using Microsoft.Playwright;
using SproHub.Shared.Territories;
using SproHub.Testing;
using Xunit;
using static CelluleHandicap.Tests.CellApi;

namespace CelluleHandicap.Tests;

/// <summary>The cell's cycle in a real browser, with an accessibility check on every page.</summary>
[Collection(SharedBrowser.Name)]
public sealed class CellJourneyTests(BrowserFixture browser)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    private async Task<IPage> AsAsync(string email, string path)
    {
        var page = await browser.NewPageAsync();
        await page.LogInAsync(email);
        await page.GotoAsync(path);
        await page.AssertAccessibleAsync();
        return page;
    }

    /// <summary>The secretariat picks the CIO's premises, then an afternoon offered from that day on.</summary>
    private static async Task ScheduleAsync(IPage secretariat, DateOnly onOrAfter, bool asCio)
    {
        await secretariat.GetByLabel("Lieu (un partenaire qui accueille)").SelectOptionAsync(new SelectOptionValue { Label = "CIO de Bourges — sauf le jeudi matin" });
        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Voir les créneaux compatibles" }).ClickAsync();
        await secretariat.AssertAccessibleAsync();
        Assert.Equal(0, await secretariat.GetByLabel(new System.Text.RegularExpressions.Regex("^jeudi .*, matin$")).CountAsync()); // never offered
        var day = onOrAfter;
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) day = day.AddDays(1);
        await secretariat.GetByLabel($"{day.ToString("dddd d MMMM yyyy", French)}, après-midi").CheckAsync();
        if (asCio) await secretariat.GetByLabel("Secrétariat").SelectOptionAsync(new SelectOptionValue { Label = "CIO de Bourges" });
        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Prévoir la séance" }).ClickAsync();
        await Assertions.Expect(secretariat.GetByRole(AriaRole.Status)).ToContainTextAsync($"Concertation prévue le {day:dd/MM/yyyy} (après-midi) au CIO de Bourges");
        await secretariat.GetByRole(AriaRole.Link, new() { Name = $"{day.ToString("ddd d MMM yyyy", French)}, après-midi" }).ClickAsync();
        await secretariat.AssertAccessibleAsync();
    }

    [Fact]
    public async Task A_minor_s_situation_goes_from_parental_consent_to_the_agenda_the_partners_input_the_decisions_and_the_follow_up()
    {
        var platform = browser.Platform;
        await platform.ResetAsync();
        var today = ParisTime.Today(platform.Clock);

        // The prescriber submits, and is told what a minor's situation needs.
        var prescriber = await AsAsync(Prescriber, "/t/cher/cellule");
        await prescriber.GetByRole(AriaRole.Link, new() { Name = "Présenter une situation" }).ClickAsync();
        await prescriber.AssertAccessibleAsync();
        await prescriber.GetByLabel("Prénom").FillAsync("Lou");
        await prescriber.GetByLabel("Nom", new() { Exact = true }).FillAsync("Exemplaire");
        await prescriber.GetByLabel("Date de naissance").FillAsync(today.AddYears(-17).ToString("yyyy-MM-dd"));
        await prescriber.GetByLabel("Reconnaissance du handicap").SelectOptionAsync(new SelectOptionValue { Label = "Demande de reconnaissance en cours" });
        await prescriber.GetByLabel("Situation actuelle").FillAsync("Décrochage en première année de CAP.");
        await prescriber.GetByLabel("Parcours", new() { Exact = true }).FillAsync("Collège en ULIS puis CAP.");
        await prescriber.GetByLabel("Besoins").FillAsync("Un apprentissage avec aménagements.");
        await prescriber.GetByLabel("Question posée à la cellule").FillAsync("Quel accompagnement coordonné ?");
        await prescriber.GetByLabel("Date du consentement").FillAsync(today.ToString("yyyy-MM-dd"));
        await prescriber.GetByLabel("Examen de la situation en cellule").CheckAsync();
        await prescriber.GetByLabel("Partage d'informations entre les partenaires").CheckAsync();
        await prescriber.GetByLabel("Le jeune a signé son accord").CheckAsync();
        await prescriber.GetByRole(AriaRole.Button, new() { Name = "Déposer la situation" }).ClickAsync();
        await Assertions.Expect(prescriber.GetByRole(AriaRole.Alert)).ToContainTextAsync("l'accord écrit d'un parent ou du tuteur");
        await prescriber.AssertAccessibleAsync();
        await prescriber.GetByLabel("Un parent ou le tuteur a signé son accord").CheckAsync();
        await prescriber.GetByLabel("Nom du parent ou du tuteur").FillAsync("Parent Exemplaire");
        await prescriber.GetByLabel("Lien avec le jeune").FillAsync("mère");
        await prescriber.GetByRole(AriaRole.Button, new() { Name = "Déposer la situation" }).ClickAsync();
        await Assertions.Expect(prescriber.GetByRole(AriaRole.Status)).ToContainTextAsync("en attente de la prochaine concertation");
        await Assertions.Expect(prescriber.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Lou Exemplaire" })).ToBeVisibleAsync();
        await prescriber.AssertAccessibleAsync();
        var situationUrl = prescriber.Url;

        // The CIO, whose turn it is, schedules the concertation on a compatible half-day and sends the agenda.
        var secretariat = await AsAsync(Secretariat, "/t/cher/cellule/seances");
        await ScheduleAsync(secretariat, today.AddDays(15), asCio: false);
        await Assertions.Expect(secretariat.GetByRole(AriaRole.Table, new() { Name = "Situations de la séance" })).Not.ToContainTextAsync("Exemplaire");
        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Envoyer l'ordre du jour aux partenaires" }).ClickAsync();
        await Assertions.Expect(secretariat.GetByRole(AriaRole.Status)).ToContainTextAsync("Ordre du jour envoyé");
        await secretariat.AssertAccessibleAsync();
        var sessionUrl = secretariat.Url;
        var sessionDate = today.AddDays(15);
        while (sessionDate.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) sessionDate = sessionDate.AddDays(1);
        await platform.DispatchOutboxAsync();
        Assert.Contains(platform.SentMails(), m => (m.Subject ?? "").StartsWith("Ordre du jour") && m.To.Mailboxes.Any(a => a.Address == Mdph) && !(m.TextBody ?? "").Contains("Exemplaire"));

        // The MDPH reads the situation and adds what it knows.
        var mdph = await AsAsync(Mdph, sessionUrl);
        await Assertions.Expect(mdph.GetByRole(AriaRole.Table, new() { Name = "Situations de la séance" })).ToContainTextAsync("Lou Exemplaire");
        await mdph.GotoAsync("/t/cher/cellule");
        await mdph.GetByRole(AriaRole.Link, new() { NameRegex = new("Lou Exemplaire") }).ClickAsync();
        await mdph.AssertAccessibleAsync();
        Assert.Equal(situationUrl, mdph.Url);
        await mdph.GetByLabel("Ce que votre structure sait de la situation").FillAsync("Dossier de reconnaissance reçu, en cours d'instruction.");
        await mdph.GetByRole(AriaRole.Button, new() { Name = "Ajouter mes éléments" }).ClickAsync();
        await Assertions.Expect(mdph.GetByRole(AriaRole.Status)).ToContainTextAsync("Vos éléments sont ajoutés");
        await mdph.AssertAccessibleAsync();

        // On the day, the prescriber completes the sheet with the decisions and who carries the next step.
        platform.Clock.Advance(TimeSpan.FromDays(sessionDate.DayNumber - today.DayNumber));
        prescriber = await AsAsync(Prescriber, situationUrl);
        await Assertions.Expect(prescriber.GetByRole(AriaRole.Region, new() { Name = "Lectures de la fiche" })).ToContainTextAsync("Anaïs Roux");
        await prescriber.GetByLabel("Fiche complétée avec l'apport de chaque partenaire").FillAsync("La MDPH instruit la demande ; Cap emploi connaît deux employeurs.");
        await prescriber.GetByLabel("Décisions").FillAsync("Apprentissage accompagné dès la reconnaissance.");
        await prescriber.GetByLabel("Partenaire qui porte la suite").SelectOptionAsync(new SelectOptionValue { Label = "Cap emploi du Cher" });
        await prescriber.GetByLabel("Suite à donner").FillAsync("Présenter deux maîtres d'apprentissage.");
        await prescriber.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'examen" }).ClickAsync();
        await Assertions.Expect(prescriber.GetByRole(AriaRole.Status)).ToContainTextAsync("décisions et suites enregistrées");
        await Assertions.Expect(prescriber.GetByText("Présenter deux maîtres d'apprentissage.")).ToBeVisibleAsync();
        await prescriber.AssertAccessibleAsync();

        // The next concertation: its agenda carries the follow-up; on the day the secretariat sees it missing, then given.
        secretariat = await AsAsync(Secretariat, "/t/cher/cellule/seances");
        var nextDate = sessionDate.AddDays(28);
        await ScheduleAsync(secretariat, nextDate, asCio: true);
        while (nextDate.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) nextDate = nextDate.AddDays(1);
        var nextUrl = secretariat.Url;
        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Envoyer l'ordre du jour aux partenaires" }).ClickAsync();
        platform.Clock.Advance(TimeSpan.FromDays(nextDate.DayNumber - sessionDate.DayNumber));
        secretariat = await AsAsync(Secretariat, nextUrl);
        await Assertions.Expect(secretariat.GetByRole(AriaRole.Heading, new() { Name = "Points de situation manquants" })).ToBeVisibleAsync();
        prescriber = await AsAsync(Prescriber, situationUrl);
        await prescriber.GetByLabel("Point de situation à la concertation suivante").FillAsync("Reconnaissance obtenue, premier entretien chez un employeur.");
        await prescriber.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le point de situation" }).ClickAsync();
        await Assertions.Expect(prescriber.GetByRole(AriaRole.Status)).ToContainTextAsync("Point de situation enregistré");
        await prescriber.AssertAccessibleAsync();
        await secretariat.ReloadAsync();
        await Assertions.Expect(secretariat.GetByRole(AriaRole.Heading, new() { Name = "Points de situation manquants" })).Not.ToBeVisibleAsync();
    }

    [Fact]
    public async Task Withdrawn_consent_makes_the_data_disappear_and_the_coordinator_only_ever_sees_counts()
    {
        var platform = browser.Platform;
        await platform.ResetAsync();
        var prescriber = await AsAsync(Prescriber, "/t/cher/cellule");
        await prescriber.GetByRole(AriaRole.Link, new() { NameRegex = new("Chloé Masson") }).ClickAsync();
        await prescriber.AssertAccessibleAsync();
        var situationUrl = prescriber.Url;
        await prescriber.GetByRole(AriaRole.Button, new() { Name = "Retirer le consentement et effacer les données" }).ClickAsync();
        await Assertions.Expect(prescriber.GetByRole(AriaRole.Status)).ToContainTextAsync("Consentement retiré");
        await Assertions.Expect(prescriber.GetByText("sont effacées (retrait du consentement)")).ToBeVisibleAsync();
        await Assertions.Expect(prescriber.Locator("main")).Not.ToContainTextAsync("Masson");
        await prescriber.AssertAccessibleAsync();
        await prescriber.GotoAsync("/t/cher/cellule");
        await Assertions.Expect(prescriber.Locator("main")).Not.ToContainTextAsync("Chloé Masson");

        var coordinator = await AsAsync(DemoAccounts.CherCoordinator, "/t/cher/cellule");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Bilan de l'année" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Table, new() { Name = $"Bilan chiffré {ParisTime.Today(platform.Clock).Year}" })).ToContainTextAsync("< 5");
        await coordinator.AssertAccessibleAsync();
        await coordinator.GetByLabel("Titre").FillAsync("Peu de places en ESAT près de Vierzon");
        await coordinator.GetByLabel("Description").FillAsync("Trois mois d'attente en moyenne pour une admission.");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Signaler la problématique" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Status)).ToContainTextAsync("Problématique enregistrée");
        await coordinator.AssertAccessibleAsync();
        foreach (var name in new[] { "Lemoine", "Perrot", "Vasseur", "Chevalier" }) await Assertions.Expect(coordinator.Locator("main")).Not.ToContainTextAsync(name);
        var refused = await coordinator.GotoAsync(situationUrl);
        Assert.Equal(403, refused!.Status);
        await coordinator.GotoAsync("/t/cher/cellule/partenaires");
        await coordinator.AssertAccessibleAsync();
        await coordinator.GotoAsync("/t/cher/cellule/seances");
        await coordinator.AssertAccessibleAsync();
    }
}

using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SproHub.Shared.Territories;
using SproHub.Testing;
using Xunit;

namespace EndToEnd;

[Collection(SharedBrowser.Name)]
public sealed class MeetingJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    // The journeys share one platform: each starts from the demo data.
    public Task InitializeAsync() => browser.Platform.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_committee_from_its_invitation_to_its_minutes_and_actions()
    {
        var platform = browser.Platform;
        var coordinator = await browser.NewPageAsync();
        await coordinator.LogInAsync(DemoAccounts.IndreEtLoireCoordinator);
        await coordinator.GotoAsync("/t/indre-et-loire");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Réunions", Exact = true }).First.ClickAsync();
        await coordinator.AssertAccessibleAsync();

        // Plan it for tomorrow and invite the network.
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Planifier une réunion" }).ClickAsync();
        await coordinator.AssertAccessibleAsync();
        await coordinator.GetByLabel("Objet", new() { Exact = true }).FillAsync("Comité local — forums du printemps");
        await coordinator.GetByLabel("Date", new() { Exact = true }).FillAsync(ParisTime.Today(platform.Clock).AddDays(1).ToString("yyyy-MM-dd"));
        await coordinator.GetByLabel("Lieu", new() { Exact = true }).FillAsync("Mission Locale de Tours, salle du conseil");
        await coordinator.GetByLabel("Ordre du jour").FillAsync("Tour de table\nForums du printemps");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Planifier la réunion" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Status)).ToContainTextAsync("planifiée");
        await coordinator.AssertAccessibleAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Envoyer les invitations" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Status)).ToContainTextAsync("Invitations envoyées");
        var meetingUrl = coordinator.Url;

        // A member answers from the link of her e-mail, without signing in.
        await platform.DispatchOutboxAsync();
        var invitation = platform.SentMails().Single(m => m.To.Mailboxes.Single().Address == DemoAccounts.IndreEtLoireMember && (m.Subject ?? "").StartsWith("Invitation"));
        var link = Regex.Match(invitation.TextBody ?? "", @"/reunions/reponse/[0-9a-f]+").Value;
        var member = await browser.NewPageAsync();
        await member.GotoAsync(link);
        await member.AssertAccessibleAsync();
        await member.GetByRole(AriaRole.Button, new() { Name = "Je viendrai" }).ClickAsync();
        await Assertions.Expect(member.GetByRole(AriaRole.Status)).ToContainTextAsync("présence annoncée");

        // The day after the meeting: the sheet, the attendance, the minutes with an action.
        platform.Clock.Advance(TimeSpan.FromDays(2));
        await coordinator.GotoAsync(meetingUrl);
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Feuille d'émargement" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator("table")).ToContainTextAsync("Maëlle Guérin");
        await coordinator.AssertAccessibleAsync();
        await coordinator.GotoAsync(meetingUrl);
        await coordinator.GetByLabel("Présence de Maëlle Guérin").CheckAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les présences" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Status)).ToContainTextAsync("Présences enregistrées");
        await coordinator.AssertAccessibleAsync();
        await coordinator.GetByRole(AriaRole.Textbox, new() { Name = "Compte rendu" }).FillAsync("**Tour de table** des structures présentes.");
        await coordinator.GetByLabel("Décisions").FillAsync("Tenir deux forums au printemps.");
        await coordinator.GetByLabel("Action 1", new() { Exact = true }).FillAsync("Réserver les salles des forums");
        await coordinator.GetByLabel("Qui pour l'action 1").FillAsync("BIJ de Tours");
        await coordinator.GetByLabel("Échéance de l'action 1").FillAsync(ParisTime.Today(platform.Clock).AddDays(15).ToString("yyyy-MM-dd"));
        await coordinator.GetByLabel("Publier et envoyer aux agents des structures du territoire").CheckAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le compte rendu" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Status)).ToContainTextAsync("Compte rendu publié");
        await coordinator.AssertAccessibleAsync();

        await coordinator.GotoAsync("/t/indre-et-loire/reunions/actions");
        await coordinator.AssertAccessibleAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Marquer faite : Réserver les salles des forums" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Status)).ToContainTextAsync("est faite");

        // The member reads the minutes, told by a notification.
        await platform.DispatchOutboxAsync();
        await member.LogInAsync(DemoAccounts.IndreEtLoireMember);
        await member.GotoAsync("/notifications");
        await member.AssertAccessibleAsync();
        await member.GetByRole(AriaRole.Button, new() { Name = "Ouvrir" }).First.ClickAsync();
        await Assertions.Expect(member.Locator("main")).ToContainTextAsync("Tenir deux forums au printemps.");
        await member.AssertAccessibleAsync();
        await member.GotoAsync("/notifications/preferences");
        await member.AssertAccessibleAsync();
    }
}

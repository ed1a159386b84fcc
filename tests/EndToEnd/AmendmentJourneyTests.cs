using System.Net.Http.Json;
using Microsoft.Playwright;
using SproHub.Testing;
using Xunit;

namespace EndToEnd;

[Collection(SharedBrowser.Name)]
public sealed class AmendmentJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    // The journeys share one platform: each starts from the demo data.
    public Task InitializeAsync() => browser.Platform.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static readonly byte[] SignedPage = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF"u8.ToArray();

    [Fact]
    public async Task An_amendment_from_the_Région_s_draft_to_every_signature()
    {
        // A structure of Indre-et-Loire that has not signed the convention yet.
        var api = await browser.Platform.ClientAsAsync(DemoAccounts.IndreEtLoireCoordinator);
        (await api.PostAsJsonAsync("/api/territories/indre-et-loire/network/structures", new { name = "Point A de Loches", type = "PointA", town = "Loches" })).EnsureSuccessStatusCode();

        var region = await browser.NewPageAsync();
        await region.LogInAsync(DemoAccounts.RegionAdmin);
        await region.GotoAsync("/t/indre-et-loire/conventions");
        await region.AssertAccessibleAsync();
        await region.GetByText("Rédiger un avenant (Région)").ClickAsync();
        await region.GetByLabel("Objet de l'avenant").FillAsync("Adhésion du Point A de Loches");
        var draft = region.Locator("form", new() { Has = region.GetByRole(AriaRole.Button, new() { Name = "Rédiger l'avenant" }) });
        await draft.GetByLabel("Point A de Loches").CheckAsync();
        await region.GetByRole(AriaRole.Button, new() { Name = "Rédiger l'avenant" }).ClickAsync();
        await Assertions.Expect(region.GetByRole(AriaRole.Status)).ToContainTextAsync("rédigé");
        await region.AssertAccessibleAsync();
        await region.GetByLabel("Date du vote de la CPR").FillAsync(DateTime.Today.AddDays(-1).ToString("yyyy-MM-dd"));
        await region.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le vote" }).ClickAsync();
        await region.GetByRole(AriaRole.Button, new() { Name = "Envoyer au coordonnateur" }).ClickAsync();
        await Assertions.Expect(region.GetByRole(AriaRole.Status)).ToContainTextAsync("envoyé au coordonnateur");
        var amendmentUrl = region.Url;

        var coordinator = await browser.NewPageAsync();
        await coordinator.LogInAsync(DemoAccounts.IndreEtLoireCoordinator);
        await coordinator.GotoAsync(amendmentUrl);
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Transmettre aux membres" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Status)).ToContainTextAsync("signatures sont ouvertes");
        await coordinator.AssertAccessibleAsync();

        // The CIO's signatory signs in the platform.
        var member = await browser.NewPageAsync();
        await member.LogInAsync(DemoAccounts.IndreEtLoireMember);
        await member.GotoAsync(amendmentUrl);
        await member.AssertAccessibleAsync();
        await member.GetByLabel("Qualité du signataire").FillAsync("chargée d'accueil, par délégation");
        await member.GetByLabel("Je signe l'avenant pour ma structure").CheckAsync();
        await member.GetByRole(AriaRole.Button, new() { Name = "Signer l'avenant" }).ClickAsync();
        await Assertions.Expect(member.GetByRole(AriaRole.Status)).ToContainTextAsync("Signature enregistrée : 1 sur");

        // The coordinator reminds the others, then records each signed copy received.
        await coordinator.GotoAsync(amendmentUrl);
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Relancer les" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Status)).ToContainTextAsync("Relance envoyée");
        while (await coordinator.GetByText("Enregistrer une signature reçue (copie scannée)").CountAsync() > 0)
        {
            await coordinator.GetByText("Enregistrer une signature reçue (copie scannée)").ClickAsync();
            await coordinator.Locator("#rc-name").FillAsync("Direction");
            await coordinator.Locator("#rc-role").FillAsync("directeur·rice");
            await coordinator.Locator("#rc-scan").SetInputFilesAsync(new FilePayload { Name = "avenant-signe.pdf", MimeType = "application/pdf", Buffer = SignedPage });
            await coordinator.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la signature" }).ClickAsync();
            await Assertions.Expect(coordinator.GetByRole(AriaRole.Status)).ToContainTextAsync("Signature enregistrée");
        }
        await coordinator.AssertAccessibleAsync();

        await region.GotoAsync(amendmentUrl);
        await region.GetByRole(AriaRole.Button, new() { Name = "Compiler et renvoyer au territoire" }).ClickAsync();
        await Assertions.Expect(region.GetByRole(AriaRole.Status)).ToContainTextAsync("compilé");
        await region.GotoAsync("/t/indre-et-loire/conventions");
        await Assertions.Expect(region.Locator("main")).ToContainTextAsync("Point A de Loches (avenant n° 3");
        await region.AssertAccessibleAsync();
    }
}

using Microsoft.Playwright;
using SproHub.Testing;
using Xunit;

namespace MaBoite.Tests;

/// <summary>In a real browser, with an accessibility check on every page: a person opens a space on a phone and keeps files in it.</summary>
[Collection(SharedBrowser.Name)]
public sealed class SpaceJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    // The journeys share one platform: each starts from the demo data.
    public Task InitializeAsync() => browser.Platform.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static string Sample(string name, byte[] content)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"ma-boite-{Guid.NewGuid():N}")).FullName;
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    [Fact]
    public async Task On_a_phone_a_person_signs_up_confirms_stores_a_CV_and_gets_it_back_from_the_trash()
    {
        var page = await browser.NewPageAsync(phone: true);
        await page.GotoAsync("/t/orleans/ma-boite");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Créer mon espace" }).ClickAsync();
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Votre prénom").FillAsync("Noa");
        await page.GetByLabel("Votre adresse e-mail").FillAsync("noa@exemple.fr");
        await page.GetByLabel("Mot de passe", new() { Exact = false }).First.FillAsync("court");
        await page.GetByLabel("Le même mot de passe, une seconde fois").FillAsync("court");
        await page.GetByLabel("Votre année de naissance").FillAsync("2008");
        await page.GetByLabel("J'accepte les conditions d'utilisation", new() { Exact = false }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer mon espace" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("au moins 10 caractères");
        await page.AssertAccessibleAsync();

        await page.Locator("#password").FillAsync(Citizens.Password);
        await page.GetByLabel("Le même mot de passe, une seconde fois").FillAsync(Citizens.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer mon espace" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("un e-mail vient de partir à noa@exemple.fr");

        // The link of the e-mail confirms the address and opens the space.
        await browser.Platform.DispatchOutboxAsync();
        var link = browser.Platform.SentMails().Last(m => m.To.Mailboxes.Any(b => b.Address == "noa@exemple.fr")).LinkIn();
        await page.GotoAsync(link);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mes fichiers");
        await Assertions.Expect(page.GetByText("Espace utilisé : 0 o sur 1 Go")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Nouveau dossier").FillAsync("Candidatures");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer le dossier" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Candidatures" }).ClickAsync();
        await page.Locator("#files").SetInputFilesAsync(Sample("CV Noa.pdf", Citizens.Pdf(20_000)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Fichier ajouté.");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "CV Noa.pdf", Exact = true })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        // Downloaded as it was sent.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Télécharger CV Noa.pdf" }).ClickAsync());
        Assert.Equal(20_000, new FileInfo(await download.PathAsync()).Length);

        await page.GetByText("Renommer, déplacer, supprimer").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Mettre à la corbeille : CV Noa.pdf" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Ce dossier est vide")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Corbeille" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Restaurer CV Noa.pdf" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Restauré à sa place.")).ToBeVisibleAsync();
        await page.GotoAsync("/t/orleans/ma-boite/fichiers");
        await page.GetByRole(AriaRole.Link, new() { Name = "Candidatures" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "CV Noa.pdf", Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task On_a_desktop_an_upload_past_the_quota_is_refused_and_the_gauge_warns()
    {
        await Citizens.OpenAsync(browser.Platform, "lou@exemple.fr");
        await Citizens.SetQuotaAsync(browser.Platform, "lou@exemple.fr", 100_000);
        var page = await browser.NewPageAsync();
        await page.LogInAsync("lou@exemple.fr", Citizens.Password);
        await page.GotoAsync("/t/orleans/ma-boite/fichiers");

        await page.Locator("#files").SetInputFilesAsync(Sample("Diplome.pdf", Citizens.Pdf(90_000)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Votre espace est plein à plus de 90 %")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        await page.Locator("#files").SetInputFilesAsync(Sample("Attestation.pdf", Citizens.Pdf(20_000)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "dépasse la place qui reste" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Attestation.pdf" })).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task A_person_shares_a_folder_with_her_adviser_who_opens_it_until_the_share_expires()
    {
        var jade = await browser.NewPageAsync(phone: true);
        await jade.LogInAsync(SproHub.Plugins.MaBoite.Demo.DemoSpaces.Email);
        await jade.GotoAsync("/t/orleans/ma-boite/fichiers");
        await jade.GetByText("Renommer, déplacer, supprimer").First.ClickAsync();
        await jade.GetByLabel("Partager avec", new() { Exact = false }).First.FillAsync(SproHub.Network.Accounts.DemoNetwork.OrleansAdviser);
        await jade.GetByLabel("Jusqu'au").First.FillAsync(DateTime.Today.AddDays(7).ToString("yyyy-MM-dd"));
        await jade.GetByRole(AriaRole.Button, new() { Name = "Partager : CV et lettres" }).ClickAsync();
        await Assertions.Expect(jade.GetByRole(AriaRole.Status).First).ToContainTextAsync("est partagé avec Théo Vasseur");
        await jade.GetByRole(AriaRole.Link, new() { Name = "Mes partages" }).ClickAsync();
        await Assertions.Expect(jade.GetByText("pas encore ouvert")).ToBeVisibleAsync();
        await jade.AssertAccessibleAsync();

        var adviser = await browser.NewPageAsync();
        await adviser.LogInAsync(SproHub.Network.Accounts.DemoNetwork.OrleansAdviser);
        await adviser.GotoAsync("/t/orleans/ma-boite");
        await adviser.GetByRole(AriaRole.Link, new() { Name = "Documents partagés avec moi" }).ClickAsync();
        await adviser.AssertAccessibleAsync();
        await adviser.GetByRole(AriaRole.Link, new() { Name = "Jade : CV et lettres" }).ClickAsync();
        await adviser.AssertAccessibleAsync();
        var download = await adviser.RunAndWaitForDownloadAsync(() => adviser.GetByRole(AriaRole.Link, new() { Name = "Télécharger CV Jade 2026.pdf" }).ClickAsync());
        Assert.True(new FileInfo(await download.PathAsync()).Length > 0);

        await jade.ReloadAsync();
        await Assertions.Expect(jade.GetByText("ouvert pour la dernière fois")).ToBeVisibleAsync();

        browser.Platform.Clock.Advance(TimeSpan.FromDays(8));
        try
        {
            var closed = await adviser.ReloadAsync();
            Assert.Equal(403, closed!.Status);
            await Assertions.Expect(adviser.Locator("main")).ToContainTextAsync("a pris fin");
        }
        finally { browser.Platform.Clock.Advance(TimeSpan.FromDays(-8)); }
    }

    [Fact]
    public async Task An_adviser_publishes_a_resource_the_person_reads_it_and_takes_her_data_away()
    {
        var adviser = await browser.NewPageAsync();
        await adviser.LogInAsync(SproHub.Network.Accounts.DemoNetwork.OrleansAdviser);
        await adviser.GotoAsync("/t/orleans/ma-boite/publications");
        await adviser.AssertAccessibleAsync();
        await adviser.GetByRole(AriaRole.Radio, new() { Name = "Ressource" }).CheckAsync();
        await adviser.GetByLabel("Titre", new() { Exact = true }).FillAsync("Préparer un entretien d'embauche");
        await adviser.GetByLabel("Texte", new() { Exact = false }).FillAsync("Trois conseils :\n\n- se renseigner sur l'entreprise\n- **préparer** ses questions\n- arriver en avance");
        await adviser.GetByLabel("Jeune en recherche d'une formation ou d'un emploi").CheckAsync();
        await adviser.GetByRole(AriaRole.Button, new() { Name = "Publier" }).ClickAsync();
        await Assertions.Expect(adviser.GetByRole(AriaRole.Status)).ToContainTextAsync("est publié");
        await adviser.AssertAccessibleAsync();
        await adviser.GetByLabel("Joindre un document").First.SetInputFilesAsync(Sample("Fiche entretien.pdf", Citizens.Pdf(5_000)));
        await adviser.GetByRole(AriaRole.Button, new() { Name = "Joindre à Préparer un entretien d'embauche" }).ClickAsync();
        await Assertions.Expect(adviser.GetByRole(AriaRole.Status)).ToContainTextAsync("« Fiche entretien.pdf » est joint");

        var jade = await browser.NewPageAsync(phone: true);
        await jade.LogInAsync(SproHub.Plugins.MaBoite.Demo.DemoSpaces.Email);
        await jade.GotoAsync("/t/orleans/ma-boite/actualites");
        await jade.AssertAccessibleAsync();
        await jade.GetByRole(AriaRole.Link, new() { Name = "Préparer un entretien d'embauche" }).ClickAsync();
        await Assertions.Expect(jade.Locator("article strong").First).ToHaveTextAsync("préparer");
        await jade.AssertAccessibleAsync();
        var guide = await jade.RunAndWaitForDownloadAsync(() => jade.GetByRole(AriaRole.Link, new() { Name = "Télécharger le document : Fiche entretien.pdf (4,9 ko)" }).ClickAsync());
        Assert.Equal(5_000, new FileInfo(await guide.PathAsync()).Length);

        await jade.GotoAsync("/t/orleans/ma-boite/mes-donnees");
        await jade.AssertAccessibleAsync();
        var archive = await jade.RunAndWaitForDownloadAsync(() => jade.GetByRole(AriaRole.Link, new() { Name = "Télécharger toutes mes données" }).ClickAsync());
        using (var zip = System.IO.Compression.ZipFile.OpenRead(await archive.PathAsync()))
            Assert.Contains(zip.Entries, e => e.FullName == "CV et lettres/CV Jade 2026.pdf");

        var coordinator = await browser.NewPageAsync();
        await coordinator.LogInAsync(DemoAccounts.Coordinator("orleans"));
        await coordinator.GotoAsync("/t/orleans/ma-boite/statistiques");
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Table).First).ToContainTextAsync("< 5");
        await coordinator.AssertAccessibleAsync();
    }
}

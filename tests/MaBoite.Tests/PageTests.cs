using System.Net;
using System.Text.RegularExpressions;
using SproHub.Testing;
using Xunit;
using static MaBoite.Tests.Citizens;

namespace MaBoite.Tests;

/// <summary>The pages without a browser: the upload form streams through its own endpoint, guarded by the antiforgery token.</summary>
[Collection(SharedPlatform.Name)]
public sealed partial class PageTests(SproHubFactory factory) : IAsyncLifetime
{
    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static MultipartFormDataContent Form(string? token, byte[] file, string name)
    {
        var form = new MultipartFormDataContent();
        if (token is not null) form.Add(new StringContent(token), "__RequestVerificationToken");
        form.Add(new ByteArrayContent(file), "file", name);
        return form;
    }

    [Theory]
    [InlineData("/t/orleans/ma-boite/fichiers")]
    [InlineData("/t/orleans/ma-boite/fichiers?page=abc")]
    [InlineData("/annuaire?page=abc")]
    public async Task The_person_s_pages_show_no_framework_text_in_English(string url)
    {
        var browser = await factory.ClientAsCookieAsync("personne@orleans.demo");
        var page = await (await browser.GetAsync(url)).Content.ReadAsStringAsync();
        Assert.DoesNotContain("is not valid", page);
        Assert.DoesNotContain("The value", page);
        Assert.DoesNotContain("PageNumber", page);
    }

    [Fact]
    public async Task The_upload_form_stores_the_file_and_comes_back_to_the_folder_with_a_message()
    {
        await OpenAsync(factory, "alex@exemple.fr");
        var browser = await factory.ClientAsCookieAsync("alex@exemple.fr", Password);
        var page = await browser.GetStringAsync("/t/orleans/ma-boite/fichiers");
        Assert.Contains("Espace utilisé : 0 o sur 1 Go", page);
        var token = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value);

        var posted = await browser.PostAsync("/t/orleans/ma-boite/fichiers/televerser", Form(token, Pdf(4_000), "Attestation de stage.pdf"));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var after = await browser.GetStringAsync(posted.Headers.Location!.OriginalString);
        Assert.Contains("Fichier ajouté.", after);
        Assert.Contains("Attestation de stage.pdf", after);
        Assert.Equal((4_000L, 4_000L), await UsageAsync(factory, "alex@exemple.fr"));
    }

    [Fact]
    public async Task An_upload_without_the_pages_token_is_refused_before_the_file_is_read()
    {
        await OpenAsync(factory, "alex@exemple.fr");
        var browser = await factory.ClientAsCookieAsync("alex@exemple.fr", Password);
        var before = StoreContents(factory);
        var posted = await browser.PostAsync("/t/orleans/ma-boite/fichiers/televerser", Form(null, Pdf(4_000), "cv.pdf"));
        var after = await browser.GetStringAsync(posted.Headers.Location!.OriginalString);
        Assert.Contains("rechargez-la", after);
        Assert.Equal(before, StoreContents(factory));
        Assert.Equal((0L, 0L), await UsageAsync(factory, "alex@exemple.fr"));
    }

    [Fact]
    public async Task A_refused_file_says_why_on_the_page()
    {
        await OpenAsync(factory, "alex@exemple.fr");
        var browser = await factory.ClientAsCookieAsync("alex@exemple.fr", Password);
        var page = await browser.GetStringAsync("/t/orleans/ma-boite/fichiers");
        var token = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value);
        var posted = await browser.PostAsync("/t/orleans/ma-boite/fichiers/televerser", Form(token, [0x4D, 0x5A, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13], "jeu.exe"));
        Assert.Contains("son contenu en décide", await browser.GetStringAsync(posted.Headers.Location!.OriginalString));
    }

    [Fact]
    public async Task The_home_page_invites_to_sign_up_and_sends_a_person_with_a_space_to_it()
    {
        var anonymous = await factory.CreateClient().GetStringAsync("/t/orleans/ma-boite");
        Assert.Contains("Créer mon espace", anonymous);
        var jade = await factory.ClientAsCookieAsync(SproHub.Plugins.MaBoite.Demo.DemoSpaces.Email);
        var home = await jade.GetAsync("/t/orleans/ma-boite");
        Assert.Equal("/t/orleans/ma-boite/fichiers", home.Headers.Location!.OriginalString);
        Assert.Contains("CV et lettres", await jade.GetStringAsync("/t/orleans/ma-boite/fichiers"));
    }

    [Theory]
    [InlineData("/t/orleans/ma-boite/fichiers")]
    [InlineData("/t/orleans/ma-boite/partages")]
    [InlineData("/t/orleans/ma-boite/statistiques")]
    public async Task A_signed_out_visitor_is_sent_to_the_login_page_and_back(string page)
    {
        var answer = await factory.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.StartsWith("/compte/connexion", answer.Headers.Location!.AbsolutePath.Length > 0 && answer.Headers.Location.IsAbsoluteUri ? answer.Headers.Location.AbsolutePath : answer.Headers.Location.OriginalString);
        Assert.Contains(Uri.EscapeDataString(page), answer.Headers.Location.OriginalString);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

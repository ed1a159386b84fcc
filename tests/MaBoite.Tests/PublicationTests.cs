using System.Net;
using System.Net.Http.Json;
using SproHub.Network.Accounts;
using SproHub.Testing;
using Xunit;
using static MaBoite.Tests.Citizens;

namespace MaBoite.Tests;

/// <summary>News and resources reach the people they are aimed at, in sanitised HTML; statistics never point at anyone.</summary>
[Collection(SharedPlatform.Name)]
public sealed class PublicationTests(SproHubFactory factory) : IAsyncLifetime
{
    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static object Resource(string title = "Trouver un stage de seconde", string markdown = "Les **entreprises** qui accueillent.", int? ageMin = 14, int? ageMax = 25,
        string? link = "https://exemple.fr/stages", string[]? publics = null) =>
        new { kind = "Ressource", title, markdown, link, publicTypes = publics ?? ["Lyceen"], ageMin, ageMax };

    [Fact]
    public async Task A_resource_reaches_only_the_people_it_is_aimed_at_and_each_reader_counts_once()
    {
        var alex = await OpenAsync(factory, "alex@exemple.fr", 2008);
        var sam = await OpenAsync(factory, "sam@exemple.fr", 2004, "Etudiant");
        foreach (var c in new[] { alex, sam }) await c.GetAsync($"{Orleans}/space"); // spaces entered: accounts opened
        var adviser = await factory.ClientAsAsync(DemoNetwork.OrleansAdviser);
        var published = await (await adviser.PostAsJsonAsync($"{Orleans}/publications", Resource())).JsonAsync(HttpStatusCode.Created);
        var id = published.GetProperty("id").GetGuid();

        await factory.DispatchOutboxAsync();
        Assert.Contains(factory.SentMails(), m => m.To.Mailboxes.Any(b => b.Address == "alex@exemple.fr") && m.Subject!.StartsWith("Nouvelle ressource"));
        Assert.DoesNotContain(factory.SentMails(), m => m.To.Mailboxes.Any(b => b.Address == "sam@exemple.fr") && m.Subject!.StartsWith("Nouvelle ressource"));
        Assert.Equal(1, (await (await alex.GetAsync($"{Orleans}/portal")).JsonAsync(HttpStatusCode.OK)).GetArrayLength());
        Assert.Equal(0, (await (await sam.GetAsync($"{Orleans}/portal")).JsonAsync(HttpStatusCode.OK)).GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await sam.GetAsync($"{Orleans}/portal/{id}")).StatusCode);

        var read = await (await alex.GetAsync($"{Orleans}/portal/{id}")).JsonAsync(HttpStatusCode.OK);
        Assert.Contains("<strong>entreprises</strong>", read.GetProperty("html").GetString());
        await alex.GetAsync($"{Orleans}/portal/{id}");
        var lines = await (await adviser.GetAsync($"{Orleans}/publications")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, lines[0].GetProperty("readers").GetInt32());
    }

    [Fact]
    public async Task Markdown_is_shown_without_scripts_or_dangerous_links()
    {
        var alex = await OpenAsync(factory, "alex@exemple.fr", 2008);
        var adviser = await factory.ClientAsAsync(DemoNetwork.OrleansAdviser);
        var published = await (await adviser.PostAsJsonAsync($"{Orleans}/publications",
            Resource(markdown: "<script>alert(1)</script> **gras** [piège](javascript:alert(1)) <img src=x onerror=alert(1)>", publics: []))).JsonAsync(HttpStatusCode.Created);
        var html = (await (await alex.GetAsync($"{Orleans}/portal/{published.GetProperty("id")}")).JsonAsync(HttpStatusCode.OK)).GetProperty("html").GetString()!;
        Assert.Contains("<strong>gras</strong>", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.DoesNotContain("<img", html); // shown as text, never as an element
    }

    [Theory]
    [InlineData(20, 15, null, "ageMax", "age-ordonne")]
    [InlineData(5, null, null, "ageMin", "age-plausible")]
    [InlineData(null, null, "javascript:alert(1)", "link", "lien-web")]
    public async Task A_bad_target_or_link_is_refused_and_nothing_is_published(int? min, int? max, string? link, string field, string rule)
    {
        var adviser = await factory.ClientAsAsync(DemoNetwork.OrleansAdviser);
        var refused = await (await adviser.PostAsJsonAsync($"{Orleans}/publications", Resource(ageMin: min, ageMax: max, link: link))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal((field, rule), (refused.GetProperty("rules")[0].GetProperty("field").GetString(), refused.GetProperty("rules")[0].GetProperty("rule").GetString()));
        Assert.Equal(0, (await (await adviser.GetAsync($"{Orleans}/publications")).JsonAsync(HttpStatusCode.OK)).GetArrayLength());
    }

    [Fact]
    public async Task People_do_not_publish_nor_read_statistics_and_agents_have_no_portal()
    {
        var alex = await OpenAsync(factory, "alex@exemple.fr");
        Assert.Equal(HttpStatusCode.Forbidden, (await alex.PostAsJsonAsync($"{Orleans}/publications", Resource())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await alex.GetAsync($"{Orleans}/statistics")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PostAsJsonAsync($"{Orleans}/publications", Resource())).StatusCode);
        var adviser = await factory.ClientAsAsync(DemoNetwork.OrleansAdviser);
        Assert.Equal(HttpStatusCode.Forbidden, (await adviser.GetAsync($"{Orleans}/portal")).StatusCode);
        var cher = await factory.ClientAsAsync(DemoAccounts.CherCoordinator);
        Assert.Equal(HttpStatusCode.NotFound, (await cher.GetAsync("/api/territories/cher/ma-boite/statistics")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await cher.GetAsync($"{Orleans}/statistics")).StatusCode);
    }

    [Fact]
    public async Task Statistics_show_groups_of_five_and_more_and_mask_the_smaller_ones()
    {
        for (var i = 0; i < 5; i++) await (await OpenAsync(factory, $"lyceen{i}@exemple.fr", 2009)).GetAsync($"{Orleans}/space");
        var sam = await OpenAsync(factory, "sam@exemple.fr", 2004, "Etudiant");
        await sam.GetAsync($"{Orleans}/space");
        await sam.UploadAsync(Pdf(3_000), "memoire.pdf");
        var coordinator = await factory.ClientAsAsync(DemoAccounts.Coordinator("orleans"));
        var stats = await (await coordinator.GetAsync($"{Orleans}/statistics")).JsonAsync(HttpStatusCode.OK);
        var byPublic = stats.GetProperty("byPublic").EnumerateArray().ToDictionary(r => r.GetProperty("group").GetString()!, r => r);
        Assert.Equal(5, byPublic["Lycéen ou lycéenne"].GetProperty("accounts").GetInt32());
        Assert.False(byPublic["Lycéen ou lycéenne"].GetProperty("masked").GetBoolean());
        Assert.True(byPublic["Étudiant ou étudiante"].GetProperty("masked").GetBoolean());
        Assert.Equal("—", byPublic["Étudiant ou étudiante"].GetProperty("storage").GetString());

        var page = await (await factory.ClientAsCookieAsync(DemoAccounts.Coordinator("orleans"))).GetStringAsync("/t/orleans/ma-boite/statistiques");
        Assert.Contains("&lt; 5", page);
        Assert.DoesNotContain("sam@exemple.fr", page);
    }

    [Fact]
    public async Task An_event_says_when_and_where_and_reaches_the_people_it_is_aimed_at()
    {
        var alex = await OpenAsync(factory, "alex@exemple.fr", 2008);
        await alex.GetAsync($"{Orleans}/space");
        var adviser = await factory.ClientAsAsync(DemoNetwork.OrleansAdviser);
        var day = DateOnly.FromDateTime(DateTime.Today).AddDays(10);
        var missing = await (await adviser.PostAsJsonAsync($"{Orleans}/publications", new { kind = "Evenement", title = "Forum des métiers", markdown = "Venez !", eventOn = day }))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("place", missing.GetProperty("rules")[0].GetProperty("field").GetString());
        var past = await (await adviser.PostAsJsonAsync($"{Orleans}/publications", new { kind = "Evenement", title = "Forum", markdown = "x", eventOn = day.AddDays(-30), place = "Orléans" }))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("evenement-a-venir", past.GetProperty("rules")[0].GetProperty("rule").GetString());

        await (await adviser.PostAsJsonAsync($"{Orleans}/publications", new { kind = "Evenement", title = "Forum des métiers", markdown = "Venez !", eventOn = day, place = "Salle de l'Exemple, Orléans" }))
            .JsonAsync(HttpStatusCode.Created);
        await factory.DispatchOutboxAsync();
        Assert.Contains(factory.SentMails(), m => m.To.Mailboxes.Any(b => b.Address == "alex@exemple.fr") && m.Subject == $"Près de chez vous le {day:dd/MM/yyyy} : Forum des métiers");
        var portal = await (await alex.GetAsync($"{Orleans}/portal")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Salle de l'Exemple, Orléans", portal[0].GetProperty("place").GetString());
    }

    [Fact]
    public async Task A_document_joined_to_a_resource_is_downloaded_by_those_it_is_aimed_at_only()
    {
        var alex = await OpenAsync(factory, "alex@exemple.fr", 2008);
        var sam = await OpenAsync(factory, "sam@exemple.fr", 2004, "Etudiant");
        var adviser = await factory.ClientAsAsync(DemoNetwork.OrleansAdviser);
        var id = (await (await adviser.PostAsJsonAsync($"{Orleans}/publications", Resource())).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var wrong = await (await adviser.PostAsync($"{Orleans}/publications/{id}/attachment?name=guide.pdf", new ByteArrayContent([0x4D, 0x5A, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15])))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("type-de-fichier", wrong.GetProperty("rules")[0].GetProperty("rule").GetString());
        var line = await (await adviser.PostAsync($"{Orleans}/publications/{id}/attachment?name=Guide%20des%20stages.pdf", new ByteArrayContent(Pdf(8_000)))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Guide des stages.pdf", line.GetProperty("attachmentName").GetString());

        Assert.Equal(Pdf(8_000), await (await alex.GetAsync($"{Orleans}/portal/{id}/attachment")).Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await sam.GetAsync($"{Orleans}/portal/{id}/attachment")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await alex.PostAsync($"{Orleans}/publications/{id}/attachment?name=x.pdf", new ByteArrayContent(Pdf(100)))).StatusCode);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SproHub.Host.Platform.Data;
using SproHub.Network.Accounts;
using SproHub.Testing;
using Xunit;
using static MaBoite.Tests.Citizens;

namespace MaBoite.Tests;

/// <summary>A person lets their adviser into one folder until a date: the adviser reads it (audited), nothing else, and not after.</summary>
[Collection(SharedPlatform.Name)]
public sealed class ShareTests(SproHubFactory factory) : IAsyncLifetime
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Today);

    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private sealed record Setup(HttpClient Alex, Guid Folder, Guid InFolder, Guid Elsewhere);

    private async Task<Setup> AlexAsync()
    {
        var alex = await OpenAsync(factory, "alex@exemple.fr");
        var folder = (await (await alex.PostAsJsonAsync($"{Orleans}/folders", new { name = "Candidatures" })).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var inFolder = (await alex.UploadAsync(Pdf(3_000), "CV.pdf", folder)).GetProperty("id").GetGuid();
        var elsewhere = (await alex.UploadAsync(Pdf(2_000), "Bulletin de salaire.pdf")).GetProperty("id").GetGuid();
        return new Setup(alex, folder, inFolder, elsewhere);
    }

    private static async Task<JsonElement> ShareAsync(HttpClient alex, Guid item, string kind = "Folder", string access = "Read", int days = 7,
        string agent = DemoNetwork.OrleansAdviser, HttpStatusCode expected = HttpStatusCode.Created) =>
        await (await alex.PostAsJsonAsync($"{Orleans}/shares", new { kind, itemId = item, agentEmail = agent, access, expiresOn = Today.AddDays(days) })).JsonAsync(expected);

    [Fact]
    public async Task The_adviser_is_told_opens_the_shared_folder_and_each_reading_is_audited()
    {
        var s = await AlexAsync();
        var share = (await ShareAsync(s.Alex, s.Folder)).GetProperty("id").GetGuid();
        await factory.DispatchOutboxAsync();
        var told = factory.SentMails().Last(m => m.To.Mailboxes.Any(b => b.Address == DemoNetwork.OrleansAdviser));
        Assert.Equal($"/t/orleans/ma-boite/partages/{share}", told.LinkIn());

        var adviser = await factory.ClientAsAsync(DemoNetwork.OrleansAdviser);
        var list = await (await adviser.GetAsync($"{Orleans}/shared-with-me")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Candidatures", Assert.Single(list.EnumerateArray()).GetProperty("itemName").GetString());
        var contents = await (await adviser.GetAsync($"{Orleans}/shared-with-me/{share}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["CV.pdf"], contents.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("name").GetString()));
        var bytes = await (await adviser.GetAsync($"{Orleans}/shared-with-me/{share}/documents/{s.InFolder}/content")).Content.ReadAsByteArrayAsync();
        Assert.Equal(Pdf(3_000), bytes);
        // Nothing of the space outside the share.
        Assert.Equal(HttpStatusCode.NotFound, (await adviser.GetAsync($"{Orleans}/shared-with-me/{share}/documents/{s.Elsewhere}/content")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adviser.GetAsync($"{Orleans}/files/{s.Elsewhere}/content")).StatusCode);

        await factory.DispatchOutboxAsync();
        var audited = await factory.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<PlatformDbContext>().AuditLog
            .Where(a => a.ModuleId == "ma-boite" && a.Action.StartsWith("partage.")).Select(a => a.Action).ToList()));
        Assert.Contains("partage.consulte", audited);
        Assert.Contains("partage.document-lu", audited);
        var mine = await (await s.Alex.GetAsync($"{Orleans}/shares")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.String, mine[0].GetProperty("lastOpenedAt").ValueKind);
    }

    [Theory]
    [InlineData("inconnu@exemple.fr", "agent-du-spro")]
    [InlineData("membre@indre-et-loire.demo", "agent-du-spro")] // an agent, but of another local SPRO
    public async Task Only_an_agent_of_the_local_SPRO_can_be_shared_with(string agent, string rule)
    {
        var s = await AlexAsync();
        var refused = await ShareAsync(s.Alex, s.Folder, agent: agent, expected: HttpStatusCode.BadRequest);
        Assert.Equal(("agentEmail", rule), (refused.GetProperty("rules")[0].GetProperty("field").GetString(), refused.GetProperty("rules")[0].GetProperty("rule").GetString()));
    }

    [Theory]
    [InlineData(-1, "date-future")]
    [InlineData(400, "un-an-au-plus")]
    public async Task A_share_ends_on_a_coming_date_within_a_year(int days, string rule)
    {
        var s = await AlexAsync();
        var refused = await ShareAsync(s.Alex, s.Folder, days: days, expected: HttpStatusCode.BadRequest);
        Assert.Equal(rule, refused.GetProperty("rules")[0].GetProperty("rule").GetString());
    }

    [Fact]
    public async Task An_expired_share_closes_by_itself()
    {
        var s = await AlexAsync();
        var share = (await ShareAsync(s.Alex, s.Folder, days: 2)).GetProperty("id").GetGuid();
        factory.Clock.Advance(TimeSpan.FromDays(3));
        var adviser = await factory.ClientAsAsync(DemoNetwork.OrleansAdviser);
        var closed = await (await adviser.GetAsync($"{Orleans}/shared-with-me/{share}/documents/{s.InFolder}/content")).JsonAsync(HttpStatusCode.Forbidden);
        Assert.Contains("a pris fin", closed.GetProperty("detail").GetString());
        Assert.Equal(0, (await (await adviser.GetAsync($"{Orleans}/shared-with-me")).JsonAsync(HttpStatusCode.OK)).GetArrayLength());
        var alex = await factory.ClientAsAsync("alex@exemple.fr", Password);
        Assert.Equal("Expiré", (await (await alex.GetAsync($"{Orleans}/shares")).JsonAsync(HttpStatusCode.OK))[0].GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_revoked_share_closes_at_once_and_another_agent_never_had_it()
    {
        var s = await AlexAsync();
        var share = (await ShareAsync(s.Alex, s.Folder)).GetProperty("id").GetGuid();
        var other = await factory.ClientAsAsync(DemoAccounts.Member("orleans"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"{Orleans}/shared-with-me/{share}")).StatusCode);
        await (await s.Alex.PostAsync($"{Orleans}/shares/{share}/revoke", null)).JsonAsync(HttpStatusCode.OK);
        var adviser = await factory.ClientAsAsync(DemoNetwork.OrleansAdviser);
        Assert.Equal(HttpStatusCode.Forbidden, (await adviser.GetAsync($"{Orleans}/shared-with-me/{share}")).StatusCode);
    }

    [Fact]
    public async Task With_an_editable_share_the_adviser_adds_a_document_that_counts_in_the_persons_space()
    {
        var s = await AlexAsync();
        var readOnly = (await ShareAsync(s.Alex, s.Folder)).GetProperty("id").GetGuid();
        var editable = (await ShareAsync(s.Alex, s.Folder, access: "Edit")).GetProperty("id").GetGuid();
        var adviser = await factory.ClientAsAsync(DemoNetwork.OrleansAdviser);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await adviser.PostAsync($"{Orleans}/shared-with-me/{readOnly}/documents?name=lettre.pdf", new ByteArrayContent(Pdf(1_000)))).StatusCode);
        await (await adviser.PostAsync($"{Orleans}/shared-with-me/{editable}/documents?name=Lettre%20relue.pdf", new ByteArrayContent(Pdf(1_500)))).JsonAsync(HttpStatusCode.Created);

        var folder = await (await s.Alex.GetAsync($"{Orleans}/files?folderId={s.Folder}")).JsonAsync(HttpStatusCode.OK);
        Assert.Contains("Lettre relue.pdf", folder.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("name").GetString()));
        Assert.Equal((6_500L, 6_500L), await UsageAsync(factory, "alex@exemple.fr"));
        await factory.DispatchOutboxAsync();
        Assert.Contains(factory.SentMails(), m => m.To.Mailboxes.Any(b => b.Address == "alex@exemple.fr") && m.Subject!.Contains("a ajouté un document"));
    }
}

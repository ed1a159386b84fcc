using System.Net;
using System.Net.Http.Json;
using SproHub.Network.Accounts;
using SproHub.Testing;
using Xunit;
using static MaBoite.Tests.Citizens;

namespace MaBoite.Tests;

/// <summary>An adviser opens a space for a person they accompany; the person chooses their password from the e-mail.</summary>
[Collection(SharedPlatform.Name)]
public sealed class InvitationTests(SproHubFactory factory) : IAsyncLifetime
{
    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static object Nina(int birthYear = 2004, bool parental = false) =>
        new { displayName = "Nina", email = "nina@exemple.fr", publicType = "JeuneEnRecherche", birthYear, parentalConsent = parental };

    [Fact]
    public async Task The_invited_person_chooses_a_password_and_finds_her_space_with_her_advisers_structure()
    {
        var adviser = await factory.ClientAsAsync(DemoNetwork.OrleansAdviser);
        var invited = await (await adviser.PostAsJsonAsync($"{Orleans}/invitations", Nina())).JsonAsync(HttpStatusCode.Created);
        Assert.False(invited.GetProperty("existingAccount").GetBoolean());

        await factory.DispatchOutboxAsync();
        var mail = factory.SentMails().Last(m => m.To.Mailboxes.Any(b => b.Address == "nina@exemple.fr"));
        Assert.Contains("Théo Vasseur (Mission Locale d'Orléans)", mail.Subject);
        var link = mail.LinkIn();
        await factory.CreateClient().PostAsJsonAsync("/api/network/auth/password",
            new { userId = MailLinks.QueryValue(link, "userId"), token = MailLinks.QueryValue(link, "token"), password = Password });
        var nina = await factory.ClientAsAsync("nina@exemple.fr", Password);
        var space = await (await nina.GetAsync($"{Orleans}/space")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, space.GetProperty("usedBytes").GetInt64());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, space.GetProperty("structureId").ValueKind);

        var again = await (await adviser.PostAsJsonAsync($"{Orleans}/invitations", Nina())).JsonAsync(HttpStatusCode.Conflict);
        Assert.Contains("déjà un espace", again.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_minor_under_fifteen_needs_a_parents_agreement_and_people_cannot_invite()
    {
        var adviser = await factory.ClientAsAsync(DemoNetwork.OrleansAdviser);
        var refused = await (await adviser.PostAsJsonAsync($"{Orleans}/invitations", Nina(DateTime.Today.Year - 13))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("parentalConsent", refused.GetProperty("rules")[0].GetProperty("field").GetString());
        await (await adviser.PostAsJsonAsync($"{Orleans}/invitations", Nina(DateTime.Today.Year - 13, parental: true))).JsonAsync(HttpStatusCode.Created);

        var alex = await OpenAsync(factory, "alex@exemple.fr");
        Assert.Equal(HttpStatusCode.Forbidden, (await alex.PostAsJsonAsync($"{Orleans}/invitations", Nina())).StatusCode);
    }
}

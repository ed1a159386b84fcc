using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using SproHub.Shared.Errors;
using SproHub.Shared.Security;
using SproHub.Testing;
using Xunit;

namespace Network.Tests;

/// <summary>Accounts a plugin opens for people outside the network: confirmation, invitation, forgotten password, deletion.</summary>
[Collection(SharedPlatform.Name)]
public sealed class AccountTests(SproHubFactory factory) : IAsyncLifetime
{
    private const string Password = "Un-Mot2Passe!";
    private const string Welcome = "/t/orleans/ma-boite";

    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private Task<string?> RegisterAsync(string email, string password = Password, string role = "citizen") =>
        factory.InScopeAsync(s => s.GetRequiredService<IAccountRegistry>().RegisterAsync(new AccountRequest(email, "Camille", "orleans", role, Welcome), password));

    private Task<HttpResponseMessage> TokenAsync(string email, string password = Password) =>
        factory.CreateClient().PostAsJsonAsync("/api/network/auth/token", new { email, password });

    private async Task<MimeKit.MimeMessage> MailToAsync(string email)
    {
        await factory.DispatchOutboxAsync();
        return factory.SentMails().Last(m => m.To.Mailboxes.Any(b => b.Address == email));
    }

    [Fact]
    public async Task A_registered_account_opens_only_once_its_address_is_confirmed_by_the_link()
    {
        var id = await RegisterAsync("camille@exemple.fr");
        Assert.NotNull(id);
        var refused = await (await TokenAsync("camille@exemple.fr")).JsonAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("pas encore confirmée", refused.GetProperty("detail").GetString());

        var link = (await MailToAsync("camille@exemple.fr")).LinkIn();
        Assert.StartsWith("/compte/confirmation?", link);
        Assert.Equal(Welcome, MailLinks.QueryValue(link, "returnUrl"));
        // Following the link in a browser confirms, signs in and leads to the space.
        var browser = factory.CreateClient(new() { AllowAutoRedirect = false });
        var followed = await browser.GetAsync(link);
        Assert.Equal(HttpStatusCode.Redirect, followed.StatusCode);
        Assert.Equal(Welcome, followed.Headers.Location!.OriginalString);
        Assert.Contains(followed.Headers.GetValues("Set-Cookie"), c => c.StartsWith("sprohub=", StringComparison.Ordinal));
        await (await TokenAsync("camille@exemple.fr")).JsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Registering_an_address_that_has_an_account_creates_nothing_and_tells_its_owner()
    {
        Assert.Null(await RegisterAsync(DemoAccounts.Member("orleans"), "Autre-Mot2Passe!"));
        var mail = await MailToAsync(DemoAccounts.Member("orleans"));
        Assert.Contains("déjà un compte", mail.Subject);
        await (await TokenAsync(DemoAccounts.Member("orleans"), SproHub.Network.Accounts.DemoNetwork.Password)).JsonAsync(HttpStatusCode.OK);
        await (await TokenAsync(DemoAccounts.Member("orleans"), "Autre-Mot2Passe!")).JsonAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("court1!A", "password", "PasswordTooShort")]
    [InlineData("sanschiffre-Aa", "password", "PasswordRequiresDigit")]
    public async Task A_weak_password_is_refused_with_the_rule_and_nothing_is_created(string password, string field, string rule)
    {
        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => RegisterAsync("faible@exemple.fr", password));
        Assert.Equal((field, rule), (refused.Field, refused.Rule));
        Assert.Empty(await factory.InScopeAsync(s => s.GetRequiredService<IAccountRegistry>().FindAsync(["x"])));
        await factory.DispatchOutboxAsync();
        Assert.DoesNotContain(factory.SentMails(), m => m.To.Mailboxes.Any(b => b.Address == "faible@exemple.fr"));
        Assert.Null(await factory.InScopeAsync(async s =>
            await s.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<SproHub.Network.Accounts.SproUser>>().FindByEmailAsync("faible@exemple.fr")));
    }

    [Theory]
    [InlineData(SproRoles.TerritoryCoordinator)]
    [InlineData(SproRoles.StructureMember)]
    [InlineData(SproRoles.RegionAdministrator)]
    public async Task A_plugin_cannot_hand_out_a_core_role(string role) =>
        await Assert.ThrowsAsync<ForbiddenException>(() => RegisterAsync("intrus@exemple.fr", role: role));

    [Fact]
    public async Task A_forgotten_password_is_replaced_through_the_link_which_works_once()
    {
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/network/auth/password-reset", new { email = "inconnu@exemple.fr" })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/network/auth/password-reset", new { email = DemoAccounts.Member("cher") })).StatusCode);
        await factory.DispatchOutboxAsync();
        Assert.DoesNotContain(factory.SentMails(), m => m.To.Mailboxes.Any(b => b.Address == "inconnu@exemple.fr"));

        var link = (await MailToAsync(DemoAccounts.Member("cher"))).LinkIn();
        var body = new { userId = MailLinks.QueryValue(link, "userId"), token = MailLinks.QueryValue(link, "token"), password = "Nouveau-Mot2Passe!" };
        var weak = await (await client.PostAsJsonAsync("/api/network/auth/password", body with { password = "faible" })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("password", weak.GetProperty("rules")[0].GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync("/api/network/auth/password", body)).StatusCode);

        await (await TokenAsync(DemoAccounts.Member("cher"), "Nouveau-Mot2Passe!")).JsonAsync(HttpStatusCode.OK);
        await (await TokenAsync(DemoAccounts.Member("cher"), SproHub.Network.Accounts.DemoNetwork.Password)).JsonAsync(HttpStatusCode.Unauthorized);
        var reused = await (await client.PostAsJsonAsync("/api/network/auth/password", body with { password = "Encore-Mot2Passe!" })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("token", reused.GetProperty("rules")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task An_invited_person_chooses_a_password_from_the_link_and_is_in()
    {
        var id = await factory.InScopeAsync(s => s.GetRequiredService<IAccountRegistry>()
            .InviteAsync(new AccountRequest("invitee@exemple.fr", "Sacha", "orleans", "citizen", Welcome), "Mission Locale d'Orléans"));
        var mail = await MailToAsync("invitee@exemple.fr");
        Assert.Contains("Mission Locale d'Orléans", mail.Subject);
        var link = mail.LinkIn();
        Assert.StartsWith("/compte/mot-de-passe?", link);

        var browser = factory.CreateClient(new() { AllowAutoRedirect = false });
        var set = await browser.SubmitFormAsync(link, new() { ["Password"] = Password, ["Confirmation"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal(Welcome, set.Headers.Location!.OriginalString);
        await (await TokenAsync("invitee@exemple.fr")).JsonAsync(HttpStatusCode.OK);
        var account = Assert.Single(await factory.InScopeAsync(s => s.GetRequiredService<IAccountRegistry>().FindAsync([id])));
        Assert.True(account.EmailConfirmed);
    }

    [Fact]
    public async Task A_deleted_account_cannot_sign_in_and_its_messages_are_forgotten()
    {
        var id = await RegisterAsync("partant@exemple.fr");
        var link = (await MailToAsync("partant@exemple.fr")).LinkIn();
        await factory.CreateClient().PostAsJsonAsync("/api/network/auth/confirmation",
            new { userId = MailLinks.QueryValue(link, "userId"), token = MailLinks.QueryValue(link, "token") });
        var client = await factory.ClientAsAsync("partant@exemple.fr", Password);
        Assert.NotEmpty((await (await client.GetAsync("/api/me/notifications")).JsonAsync(HttpStatusCode.OK)).EnumerateArray());

        await factory.InScopeAsync(async s => { await s.GetRequiredService<IAccountRegistry>().DeleteAsync(id!); return 0; });
        await factory.DispatchOutboxAsync();
        await (await TokenAsync("partant@exemple.fr")).JsonAsync(HttpStatusCode.Unauthorized);
        Assert.Empty(await factory.InScopeAsync(s => s.GetRequiredService<IAccountRegistry>().FindAsync([id!])));
        Assert.Equal(0, await factory.InScopeAsync(s => Task.FromResult(
            s.GetRequiredService<SproHub.Host.Platform.Data.PlatformDbContext>().Notifications.Count(n => n.Email == "partant@exemple.fr"))));
    }
}

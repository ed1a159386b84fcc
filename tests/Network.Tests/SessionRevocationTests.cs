using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SproHub.Network.Accounts;
using SproHub.Network.Data;
using SproHub.Shared.Security;
using SproHub.Testing;
using Xunit;

namespace Network.Tests;

/// <summary>
/// A cookie or bearer token stands for the account as it was: after a password change, a withdrawn role, a lockout or a
/// deletion, whatever was issued before is refused within a minute; the refresh token renews only an unchanged account.
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed class SessionRevocationTests(SproHubFactory factory) : IAsyncLifetime
{
    private static readonly string Member = DemoAccounts.Member("cher");

    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<JsonElement> TokensAsync(string email = "", string password = DemoNetwork.Password) =>
        await (await factory.CreateClient().PostAsJsonAsync("/api/network/auth/token", new { email = email == "" ? Member : email, password })).JsonAsync(HttpStatusCode.OK);

    private HttpClient Bearer(JsonElement tokens)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("accessToken").GetString());
        return client;
    }

    private Task ChangeAccountAsync(Func<UserManager<SproUser>, NetworkDbContext, SproUser, Task> change) => factory.InScopeAsync(async s =>
    {
        var users = s.GetRequiredService<UserManager<SproUser>>();
        await change(users, s.GetRequiredService<NetworkDbContext>(), (await users.FindByEmailAsync(Member))!);
        return 0;
    });

    /// <summary>Past the delay a host may keep an answer: the old credentials must be refused by then.</summary>
    private void AMinuteLater() => factory.Clock.Offset += TimeSpan.FromSeconds(61);

    public static TheoryData<string> Changes => ["mot de passe", "rôle retiré", "verrouillage", "suppression"];

    private Task ApplyAsync(string change) => change switch
    {
        "mot de passe" => ChangeAccountAsync(async (users, _, user) =>
            Assert.True((await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), "Nouveau-Mot2Passe!")).Succeeded)),
        "rôle retiré" => ChangeAccountAsync(async (_, db, user) =>
        {
            db.RoleAssignments.RemoveRange(await db.RoleAssignments.Where(r => r.UserId == user.Id).ToListAsync());
            await db.SaveChangesAsync();
        }),
        "verrouillage" => ChangeAccountAsync(async (users, _, user) => await users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddHours(1))),
        _ => factory.InScopeAsync(async s =>
        {
            var id = (await s.GetRequiredService<UserManager<SproUser>>().FindByEmailAsync(Member))!.Id;
            await s.GetRequiredService<IAccountRegistry>().DeleteAsync(id);
            return 0;
        }),
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task A_bearer_token_issued_before_a_change_of_the_account_is_refused(string change)
    {
        var client = Bearer(await TokensAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me/notifications")).StatusCode);

        await ApplyAsync(change);
        AMinuteLater();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me/notifications")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task A_cookie_issued_before_a_change_of_the_account_is_refused(string change)
    {
        var browser = await factory.ClientAsCookieAsync(Member);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/me/notifications")).StatusCode);

        await ApplyAsync(change);
        AMinuteLater();
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/me/notifications")).StatusCode);
    }

    [Fact]
    public async Task An_unchanged_account_keeps_its_token_and_cookie()
    {
        var client = Bearer(await TokensAsync());
        var browser = await factory.ClientAsCookieAsync(Member);
        AMinuteLater();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me/notifications")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/me/notifications")).StatusCode);
    }

    [Fact]
    public async Task The_refresh_token_gives_a_new_pair_until_the_account_changes()
    {
        var first = await TokensAsync();
        Assert.Equal(3600, first.GetProperty("expiresIn").GetInt32());
        var anonymous = factory.CreateClient();
        var renewed = await (await anonymous.PostAsJsonAsync("/api/network/auth/refresh", new { refreshToken = first.GetProperty("refreshToken").GetString() })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, (await Bearer(renewed).GetAsync("/api/me/notifications")).StatusCode);

        await ApplyAsync("mot de passe");
        var refused = await (await anonymous.PostAsJsonAsync("/api/network/auth/refresh", new { refreshToken = renewed.GetProperty("refreshToken").GetString() }))
            .JsonAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("plus valable", refused.GetProperty("detail").GetString());
        // An access token is no refresh token, and a forged one is refused the same way.
        await (await anonymous.PostAsJsonAsync("/api/network/auth/refresh", new { refreshToken = first.GetProperty("accessToken").GetString() })).JsonAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.PostAsJsonAsync("/api/network/auth/refresh", new { refreshToken = "abc" })).JsonAsync(HttpStatusCode.Unauthorized);
        var missing = await (await anonymous.PostAsJsonAsync("/api/network/auth/refresh", new { })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("refreshToken", missing.GetProperty("rules")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_refresh_token_expires()
    {
        var tokens = await TokensAsync();
        factory.Clock.Offset += TimeSpan.FromDays(15);
        await (await factory.CreateClient().PostAsJsonAsync("/api/network/auth/refresh", new { refreshToken = tokens.GetProperty("refreshToken").GetString() }))
            .JsonAsync(HttpStatusCode.Unauthorized);
    }
}

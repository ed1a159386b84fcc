using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SproHub.Network.Accounts;
using SproHub.Testing;
using Xunit;

namespace Network.Tests;

/// <summary>The platform with the sign-in throttle it has in production (the suites raise it: their clients share one address).</summary>
public sealed class ProductionThrottleFactory : SproHubFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["Security:SignInAttemptsPerMinute"] = SproHub.Network.Accounts.SignIn.SignInThrottle.DefaultAttemptsPerMinute.ToString() };
}

/// <summary>A flood of sign-in attempts from one address is slowed (429, Retry-After) before it locks a person out.</summary>
// Its own host, not the shared platform: the production throttle (5 a minute) that the shared one raises.
public sealed class SignInThrottleTests(ProductionThrottleFactory factory) : IClassFixture<ProductionThrottleFactory>
{
    [Fact]
    public async Task A_flood_from_one_address_is_slowed_before_it_locks_the_account()
    {
        var client = factory.CreateClient();
        var lockAfter = factory.Service<Microsoft.Extensions.Options.IOptions<IdentityOptions>>().Value.Lockout.MaxFailedAccessAttempts;
        var email = DemoAccounts.Member("chartres");
        HttpResponseMessage answer;
        var attempts = 0;
        do
        {
            answer = await client.PostAsJsonAsync("/api/network/auth/token", new { email, password = "essai-" + attempts });
            attempts++;
        } while (answer.StatusCode == HttpStatusCode.Unauthorized && attempts < 20);

        Assert.Equal(HttpStatusCode.TooManyRequests, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        Assert.True(answer.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After");
        // The throttle came first: fewer misses went through than lock an account.
        Assert.InRange(attempts - 1, 1, lockAfter - 1);
        Assert.False(await factory.InScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<SproUser>>();
            return await users.IsLockedOutAsync((await users.FindByEmailAsync(email))!);
        }));
        var page = await client.SubmitFormAsync("/compte/connexion", new() { ["Input.Email"] = email, ["Input.Password"] = "encore" });
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.Contains("patientez une minute", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/compte/connexion")).StatusCode);
    }
}

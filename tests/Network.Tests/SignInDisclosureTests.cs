using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SproHub.Network.Accounts;
using SproHub.Shared.Security;
using SproHub.Testing;
using Xunit;

namespace Network.Tests;

/// <summary>A platform whose password hasher counts its work.</summary>
public sealed class CountingHasherFactory : SproHubFactory
{
    public CountingHasher Hasher { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IPasswordHasher<SproUser>>(Hasher));
    }

    public sealed class CountingHasher : IPasswordHasher<SproUser>
    {
        private readonly PasswordHasher<SproUser> _inner = new(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = 1_000 }));
        public int Hashes;
        public int Verifications;
        public string HashPassword(SproUser user, string password) { Interlocked.Increment(ref Hashes); return _inner.HashPassword(user, password); }
        public PasswordVerificationResult VerifyHashedPassword(SproUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref Verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}

/// <summary>
/// Neither the answer nor the work of sign-in and sign-up tells whether an address has an account, and a flood of
/// attempts from one address is slowed (429) before it locks a person out.
/// </summary>
// Its own host, not the shared platform: a password hasher that counts its work replaces the real one.
public sealed class SignInDisclosureTests(CountingHasherFactory factory) : IClassFixture<CountingHasherFactory>, IAsyncLifetime
{
    private const string Password = "Un-Mot2Passe!";

    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(int Verifications, string Detail)> SignInAsync(string email, string password)
    {
        var before = factory.Hasher.Verifications;
        var answer = await (await factory.CreateClient().PostAsJsonAsync("/api/network/auth/token", new { email, password })).JsonAsync(HttpStatusCode.Unauthorized);
        return (factory.Hasher.Verifications - before, answer.GetProperty("detail").GetString()!);
    }

    private Task LockAsync(string email) => factory.InScopeAsync(async s =>
    {
        var users = s.GetRequiredService<UserManager<SproUser>>();
        return await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(email))!, DateTimeOffset.UtcNow.AddMinutes(5));
    });

    [Fact]
    public async Task A_refusal_costs_one_password_check_and_reads_the_same_whether_or_not_the_account_exists()
    {
        var known = await SignInAsync(DemoAccounts.Member("cher"), "mauvais-mot-de-passe");
        var unknown = await SignInAsync("personne-ici@exemple.fr", "mauvais-mot-de-passe");
        await LockAsync(DemoAccounts.Member("orleans"));
        var locked = await SignInAsync(DemoAccounts.Member("orleans"), DemoNetwork.Password);

        Assert.Equal((1, known.Detail), unknown);
        Assert.Equal((1, known.Detail), locked);
        Assert.StartsWith("E-mail ou mot de passe incorrect", known.Detail);
    }

    [Fact]
    public async Task Only_the_right_password_learns_that_an_address_awaits_confirmation()
    {
        await factory.InScopeAsync(s => s.GetRequiredService<IAccountRegistry>()
            .RegisterAsync(new AccountRequest("attente@exemple.fr", "Camille", "orleans", "citizen", "/t/orleans"), Password));
        var wrong = await SignInAsync("attente@exemple.fr", "mauvais-mot-de-passe");
        var right = await SignInAsync("attente@exemple.fr", Password);
        Assert.StartsWith("E-mail ou mot de passe incorrect", wrong.Detail);
        Assert.Contains("pas encore confirmée", right.Detail);
        Assert.Equal(1, wrong.Verifications);
    }

    [Fact]
    public async Task Signing_up_with_an_address_that_has_an_account_does_the_same_work_and_the_same_checks()
    {
        Task<string?> RegisterAsync(string email, string password) => factory.InScopeAsync(s => s.GetRequiredService<IAccountRegistry>()
            .RegisterAsync(new AccountRequest(email, "Camille", "orleans", "citizen", "/t/orleans"), password));

        var before = factory.Hasher.Hashes;
        Assert.NotNull(await RegisterAsync("nouvelle@exemple.fr", Password));
        var forNew = factory.Hasher.Hashes - before;
        before = factory.Hasher.Hashes;
        Assert.Null(await RegisterAsync(DemoAccounts.Member("orleans"), Password));
        Assert.Equal(forNew, factory.Hasher.Hashes - before);

        var weak = await Assert.ThrowsAsync<SproHub.Shared.Errors.RuleViolationException>(() => RegisterAsync(DemoAccounts.Member("orleans"), "faible"));
        Assert.Equal("password", weak.Field);
    }
}

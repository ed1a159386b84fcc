using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;

namespace SproHub.Testing;

/// <summary>The platform on Kestrel (a free loopback port) and a headless Debian chromium driven by Playwright.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private sealed class KestrelFactory : SproHubFactory
    {
        public KestrelFactory() => UseKestrel(0);
    }

    private readonly KestrelFactory _factory = new();
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public SproHubFactory Platform => _factory;

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)_factory).InitializeAsync();
        BaseUrl = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            // The machine has no network but the loopback: keep Chromium from calling home.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <param name="phone">A phone's screen (390 × 844, touch) rather than a desktop's: the pages people use on the move.</param>
    public async Task<IPage> NewPageAsync(bool phone = false)
    {
        var options = new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "fr-FR" };
        if (phone) (options.ViewportSize, options.IsMobile, options.HasTouch) = (new ViewportSize { Width = 390, Height = 844 }, true, true);
        var context = await Browser.NewContextAsync(options);
        // Two journeys start their platform and browser side by side on CI's two cores: a fresh platform's first pages can
        // take longer than Playwright's 30 s default there (a sign-in timed out once that way).
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        // A script or style the Content-Security-Policy refuses fails silently: the browser only says so in its console.
        context.Page += (_, opened) => BrowserJourneys.WatchContentSecurityPolicy(opened, _violations);
        var page = await context.NewPageAsync();
        BrowserJourneys.WatchContentSecurityPolicy(page, _violations);
        return page;
    }

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _violations = new();

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await ((IAsyncLifetime)_factory).DisposeAsync();
        // Every page's refusals, those seen after a journey's last check included.
        if (!_violations.IsEmpty) throw new InvalidOperationException("Refus de la Content-Security-Policy :\n" + string.Join("\n", _violations.Distinct()));
    }
}

public static class BrowserJourneys
{
    /// <summary>Signs in through the login page (checked for accessibility on the way).</summary>
    public static async Task LogInAsync(this IPage page, string email, string password = SproHub.Network.Accounts.DemoNetwork.Password)
    {
        await page.GotoAsync("/compte/connexion");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Adresse e-mail").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        try
        {
            // Polls the address rather than waiting for a navigation event: on a loaded machine the redirect could land
            // between the click and the wait, and the event was missed although the person was in (seen on CI).
            await Assertions.Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/compte/connexion"), new() { Timeout = 60_000 });
        }
        catch (PlaywrightException)
        {
            // Say what the page answered instead (a refusal, an error page) rather than only that time ran out.
            throw new InvalidOperationException($"Connexion de {email} restée sur {page.Url} : {await page.Locator("main").InnerTextAsync()}");
        }
    }

    /// <summary>No serious or critical axe violation on the page as it stands, and nothing refused by the Content-Security-Policy.</summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        var result = await page.RunAxe();
        Assert.NotEmpty(result.Passes); // axe really ran on this page
        var blocking = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(blocking.Count == 0, $"{page.Url} : " + string.Join(" | ", blocking.Select(v => $"{v.Id} ({v.Impact}) : {v.Help} — {string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))}")));
        page.AssertNothingRefusedByThePolicy();
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IPage, System.Collections.Concurrent.ConcurrentQueue<string>> Refused = new();

    /// <summary>Keeps what the browser refused under the Content-Security-Policy on this page (console messages), here and in <paramref name="all"/>.</summary>
    internal static void WatchContentSecurityPolicy(IPage page, System.Collections.Concurrent.ConcurrentQueue<string> all)
    {
        var refused = new System.Collections.Concurrent.ConcurrentQueue<string>();
        // The context's new-page event and NewPageAsync both see the first page: watched once.
        if (!Refused.TryAdd(page, refused)) return;
        page.Console += (_, message) =>
        {
            if (!IsRefusedByThePolicy(message.Text)) return;
            var line = $"{page.Url} : {message.Text}";
            refused.Enqueue(line);
            all.Enqueue(line);
        };
    }

    /// <summary>Chromium's console words for a refusal: « Refused to execute inline script because it violates the following Content Security Policy directive… ».</summary>
    public static bool IsRefusedByThePolicy(string consoleText) => consoleText.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase);

    /// <summary>Nothing the page loaded or ran so far was refused by the Content-Security-Policy.</summary>
    public static void AssertNothingRefusedByThePolicy(this IPage page)
    {
        if (Refused.TryGetValue(page, out var refused) && !refused.IsEmpty)
            Assert.Fail("Refusé par la Content-Security-Policy :\n" + string.Join("\n", refused.Distinct()));
    }
}

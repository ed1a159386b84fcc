using System.Collections.Concurrent;
using Microsoft.Playwright;
using SproHub.Testing;
using Xunit;

namespace EndToEnd;

/// <summary>
/// The API reference (Scalar) works under its Content-Security-Policy and calls no third party: no font, script or
/// telemetry from elsewhere; a public service's pages tell no one else who reads them.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class ApiReferenceJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    // The journeys share one platform: each starts from the demo data.
    public Task InitializeAsync() => browser.Platform.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_API_reference_shows_the_platform_s_API_from_the_platform_alone()
    {
        var page = await browser.NewPageAsync();
        var elsewhere = new ConcurrentQueue<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(browser.BaseUrl, StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal)
                && !request.Url.StartsWith("blob:", StringComparison.Ordinal))
                elsewhere.Enqueue(request.Url);
        };

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "API", Exact = true }).ClickAsync();
        // Scalar rendered the platform's document: a core module's operations and a plugin's.
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Réseau", Exact = true })).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "ma boîte SPRO", Exact = true })).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.True(elsewhere.IsEmpty, "Appels hors de la plateforme : " + string.Join(", ", elsewhere.Distinct()));
        page.AssertNothingRefusedByThePolicy();
    }
}

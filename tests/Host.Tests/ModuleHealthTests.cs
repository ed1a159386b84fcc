using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SproHub.Host.Modularity;
using SproHub.Shared.Modularity;
using SproHub.Testing;
using Xunit;

namespace Host.Tests;

/// <summary>Each plugin's own health, as the Région administrator sees it.</summary>
[Collection(SharedPlatform.Name)]
public sealed class ModuleHealthTests(SproHubFactory factory) : IAsyncLifetime
{
    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_plugin_shows_its_version_contract_load_time_migrations_and_territories()
    {
        var admin = await factory.ClientAsAsync(DemoAccounts.RegionAdmin);
        var health = await (await admin.GetAsync("/api/admin/modules/comete")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("1.0.0", health.GetProperty("version").GetString());
        Assert.Equal(SharedContract.Version.ToString(), health.GetProperty("contractVersion").GetString());
        Assert.True(health.GetProperty("loadMilliseconds").GetDouble() > 0);
        Assert.Contains(health.GetProperty("migrationsApplied").EnumerateArray(), m => m.GetString()!.EndsWith("_Initial"));
        Assert.Empty(health.GetProperty("migrationsPending").EnumerateArray());
        Assert.Equal(["loir-et-cher"], health.GetProperty("enabledIn").EnumerateArray().Select(t => t.GetProperty("slug").GetString()));

        var page = WebUtility.HtmlDecode(await (await factory.ClientAsCookieAsync(DemoAccounts.RegionAdmin)).GetStringAsync("/admin/modules/comete"));
        Assert.Contains($"construit pour la version {SharedContract.Version}", page);
        Assert.Contains("SPRO du Loir-et-Cher", page);
    }

    [Fact]
    public async Task Errors_logged_by_a_plugin_s_code_are_counted_against_it_with_the_latest_shown()
    {
        var admin = await factory.ClientAsAsync(DemoAccounts.RegionAdmin);
        var before = (await (await admin.GetAsync("/api/admin/modules/comete")).JsonAsync(HttpStatusCode.OK)).GetProperty("errorsSinceStartUp").GetInt32();
        var logger = factory.Service<ILoggerFactory>().CreateLogger("SproHub.Plugins.Comete.Replays.ReplayLinkCheck");
        logger.LogError("Vérification des replays impossible : délai dépassé");
        factory.Service<ILoggerFactory>().CreateLogger("SproHub.Network.Accounts").LogWarning("Un avertissement n'est pas une erreur");

        var health = await (await admin.GetAsync("/api/admin/modules/comete")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(before + 1, health.GetProperty("errorsSinceStartUp").GetInt32());
        Assert.Equal("Vérification des replays impossible : délai dépassé", health.GetProperty("recentErrors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public void At_most_the_ten_latest_errors_are_kept_newest_first_and_all_are_counted()
    {
        var errors = new ModuleErrors(TimeProvider.System);
        for (var i = 1; i <= 12; i++) errors.Record("comete", $"erreur {i}");
        var (count, recent) = errors.Of("comete");
        Assert.Equal(12, count);
        Assert.Equal(10, recent.Count);
        Assert.Equal("erreur 12", recent[0].Message);
        Assert.Equal((0, []), (errors.Of("autre").Count, errors.Of("autre").Recent.ToArray()));
    }

    [Fact]
    public async Task Only_the_Region_administrator_sees_it_and_an_unknown_module_is_404()
    {
        await (await factory.CreateClient().GetAsync("/api/admin/modules/comete")).JsonAsync(HttpStatusCode.Unauthorized);
        await (await (await factory.ClientAsAsync(DemoAccounts.LoirEtCherCoordinator)).GetAsync("/api/admin/modules/comete")).JsonAsync(HttpStatusCode.Forbidden);
        await (await (await factory.ClientAsAsync(DemoAccounts.RegionAdmin)).GetAsync("/api/admin/modules/inconnu")).JsonAsync(HttpStatusCode.NotFound);
    }
}

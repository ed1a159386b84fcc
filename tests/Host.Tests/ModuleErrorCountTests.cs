using System.Net;
using SproHub.Testing;
using Xunit;

namespace Host.Tests;

/// <summary>A plugin's endpoint, handler or page that throws counts against its health, as the health page promises.</summary>
[Collection(FaultyPlugins.Name)]
public sealed class ModuleErrorCountTests(FaultyPluginsFactory factory)
{
    [Fact]
    public async Task Every_request_a_plugin_failed_counts_against_it_with_the_latest_shown()
    {
        var admin = await factory.ClientAsAsync(DemoAccounts.RegionAdmin);
        var before = await ErrorsAsync(admin);

        var anonymous = factory.CreateClient();
        for (var i = 0; i < 4; i++)
            await (await anonymous.GetAsync("/api/territories/loir-et-cher/throwing/direct")).JsonAsync(HttpStatusCode.InternalServerError);
        await (await anonymous.GetAsync("/api/territories/loir-et-cher/throwing/mediator")).JsonAsync(HttpStatusCode.InternalServerError);
        var page = await (await factory.ClientAsCookieAsync(DemoAccounts.LoirEtCherCoordinator)).GetAsync("/t/loir-et-cher/throwing");
        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);

        var health = await (await admin.GetAsync("/api/admin/modules/throwing")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(before + 6, health.GetProperty("errorsSinceStartUp").GetInt32());
        var recent = health.GetProperty("recentErrors").EnumerateArray().Select(e => e.GetProperty("message").GetString()!).ToList();
        Assert.StartsWith("GET /t/loir-et-cher/throwing", recent[0]);
        Assert.Contains("panne de la page", recent[0]);
        Assert.Contains("panne du handler", recent[1]);
        Assert.Contains("panne de l'endpoint", recent[2]);
        // Another module's health is not charged with them.
        Assert.Equal(0, (await (await admin.GetAsync("/api/admin/modules/comete")).JsonAsync(HttpStatusCode.OK)).GetProperty("errorsSinceStartUp").GetInt32());
    }

    private static async Task<int> ErrorsAsync(HttpClient admin) =>
        (await (await admin.GetAsync("/api/admin/modules/throwing")).JsonAsync(HttpStatusCode.OK)).GetProperty("errorsSinceStartUp").GetInt32();
}

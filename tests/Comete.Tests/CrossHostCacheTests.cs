using SproHub.Testing;
using Xunit;
using static Comete.Tests.CometeApi;

namespace Comete.Tests;

/// <summary>
/// Two hosts of one installation on PostgreSQL: a show scheduled through one is in the other's cached anonymous
/// programme within a second (it used to wait for the copy to expire, about 30 s). SQLite runs one host: nothing to test.
/// </summary>
public sealed class CrossHostCacheTests
{
    [Fact]
    public async Task A_change_made_on_one_host_reaches_the_other_hosts_anonymous_readers_within_a_second()
    {
        var installation = Guid.NewGuid().ToString("N");
        var first = new SproHubFactory { Installation = installation };
        var second = new SproHubFactory { Installation = installation };
        if (!first.OnPostgres) return;
        await ((IAsyncLifetime)first).InitializeAsync();
        await ((IAsyncLifetime)second).InitializeAsync();
        try
        {
            var reader = second.CreateClient();
            var before = await reader.GetStringAsync($"{LoirEtCher}/programme");
            Assert.Equal(before, await reader.GetStringAsync($"{LoirEtCher}/programme")); // served from the second host's cache

            await ScheduleAsync(await first.ClientAsAsync(DemoAccounts.LoirEtCherCoordinator), WeekdayAhead(40), "Métiers de la mer");

            var seen = false;
            var watch = System.Diagnostics.Stopwatch.StartNew();
            while (!seen && watch.Elapsed < TimeSpan.FromSeconds(1))
            {
                seen = (await reader.GetStringAsync($"{LoirEtCher}/programme")).Contains("Métiers de la mer");
                if (!seen) await Task.Delay(50);
            }
            Assert.True(seen, "Le second hôte sert encore l'ancien programme une seconde après le changement.");
        }
        finally
        {
            await ((IAsyncLifetime)second).DisposeAsync();
            await ((IAsyncLifetime)first).DisposeAsync();
        }
    }
}

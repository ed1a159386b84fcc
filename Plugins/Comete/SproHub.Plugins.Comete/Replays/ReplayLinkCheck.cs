using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SproHub.Plugins.Comete.Data;
using SproHub.Plugins.Comete.Shows;
using SproHub.Shared.Jobs;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.Comete.Replays;

/// <summary>
/// Replay hosting once failed for technical reasons: each online replay's link is fetched, and a dead
/// one is flagged on the coordinator's page.
/// </summary>
public sealed class ReplayLinkCheck(CometeDbContext db, IHttpClientFactory http, TimeProvider clock, IOutputCacheStore cache, ILogger<ReplayLinkCheck> logger)
{
    public const string HttpClientName = "comete-replays";

    /// <summary>Checks the current territory's replays still online; returns how many were found dead.</summary>
    public async Task<int> CheckCurrentTerritoryAsync(CancellationToken cancellationToken)
    {
        var today = ParisTime.Today(clock);
        var replays = await db.Shows.Where(s => s.Replay != null && s.Replay.AvailableUntil >= today).Select(s => new { s.Replay!.ShowId, s.Replay.Url }).ToListAsync(cancellationToken);
        var client = http.CreateClient(HttpClientName);
        var dead = 0;
        foreach (var replay in replays)
        {
            var problem = await ProbeAsync(client, replay.Url, cancellationToken);
            if (problem is not null) dead++;
            // Only if the link is still the one probed: a coordinator may have fixed it meanwhile.
            await db.Replays.Where(r => r.ShowId == replay.ShowId && r.Url == replay.Url).ExecuteUpdateAsync(u => u
                .SetProperty(r => r.IsDead, problem != null)
                .SetProperty(r => r.LastProblem, problem)
                .SetProperty(r => r.LastCheckedAt, clock.GetUtcNow()), cancellationToken);
        }
        await cache.EvictByTagAsync(CometeModule.ProgrammeCache, cancellationToken);
        return dead;
    }

    private async Task<string?> ProbeAsync(HttpClient client, string url, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return response.IsSuccessStatusCode ? null : $"Le lien répond {(int)response.StatusCode} ({response.ReasonPhrase}).";
        }
        catch (HttpRequestException ex) when (ex.InnerException is PublicAddressesOnly.NonPublicAddressException || ex is PublicAddressesOnly.NonPublicAddressException)
        {
            return "Le lien pointe vers une adresse interne : il n'est pas vérifié, et reste signalé.";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            logger.LogInformation("Rediffusion injoignable {Url} : {Message}", url, ex.Message);
            return "Le lien ne répond pas.";
        }
    }
}

/// <summary>
/// The checker fetches addresses people typed: it refuses to connect to the machine itself or to private
/// networks (unless <c>Comete:ReplayCheckAllowPrivate</c>, for tests against a local stub server).
/// </summary>
public static class PublicAddressesOnly
{
    public static SocketsHttpHandler Handler(bool allowPrivate) => new()
    {
        AllowAutoRedirect = true,
        MaxAutomaticRedirections = 5,
        ConnectCallback = async (context, cancellationToken) =>
        {
            var addresses = await System.Net.Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
            var usable = addresses.Where(a => allowPrivate || IsPublic(a)).ToArray();
            if (usable.Length == 0) throw new NonPublicAddressException(context.DnsEndPoint.Host);
            var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(usable, context.DnsEndPoint.Port, cancellationToken);
                return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    public sealed class NonPublicAddressException(string host) : HttpRequestException($"Adresse non publique refusée : {host}");

    public static bool IsPublic(System.Net.IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (System.Net.IPAddress.IsLoopback(address) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal) return false;
        var b = address.GetAddressBytes();
        return address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork || !(b[0] == 10 || b[0] == 0 || b[0] == 127
            || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168) || (b[0] == 169 && b[1] == 254) || (b[0] == 100 && b[1] >= 64 && b[1] <= 127));
    }
}

/// <summary>One pass over every territory where COMETE is enabled; the others are skipped.</summary>
public sealed class ReplayLinkSweep(IServiceScopeFactory scopes)
{
    /// <returns>The territories checked.</returns>
    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken cancellationToken)
    {
        using var root = scopes.CreateScope();
        var territories = await root.ServiceProvider.GetRequiredService<ITerritoryDirectory>().ListAsync(cancellationToken);
        var gate = root.ServiceProvider.GetRequiredService<IModuleGate>();
        var checkedTerritories = new List<string>();
        foreach (var territory in territories.Where(t => gate.IsEnabled(CometeModule.Id, t.Slug)))
        {
            using var scope = scopes.CreateScope();
            scope.ServiceProvider.GetRequiredService<ITerritoryContext>().Enter(territory);
            await scope.ServiceProvider.GetRequiredService<ReplayLinkCheck>().CheckCurrentTerritoryAsync(cancellationToken);
            checkedTerritories.Add(territory.Slug);
        }
        return checkedTerritories;
    }
}

/// <summary>Runs the sweep every <c>Comete:ReplayCheckMinutes</c> (60 by default; 0 turns it off).</summary>
internal sealed class ReplayLinkCheckerService(ReplayLinkSweep sweep, IConfiguration configuration, IPlatformReadiness readiness, ILogger<ReplayLinkCheckerService> logger)
    : PeriodicJob(readiness, logger)
{
    protected override TimeSpan? Period => TimeSpan.FromMinutes(configuration.GetValue("Comete:ReplayCheckMinutes", 60.0));
    protected override string Name => "Vérification des rediffusions";
    protected override Task RunOnceAsync(CancellationToken cancellationToken) => sweep.RunAsync(cancellationToken);
}

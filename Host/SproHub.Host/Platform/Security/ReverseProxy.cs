using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace SproHub.Host.Platform.Security;

/// <summary>
/// Behind a reverse proxy (docs/operations.md) the host hears plain HTTP from the proxy: the scheme the browser used
/// (<c>X-Forwarded-Proto</c>) and its address (<c>X-Forwarded-For</c>) are taken from the proxy's headers, and only
/// from a proxy the platform trusts: the loopback, and the addresses or networks of <c>Platform:TrustedProxies</c>
/// (<c>10.0.0.5</c>, <c>10.0.0.0/24</c>; a list, or one value separated by commas). Anyone else could claim HTTPS.
/// The Host header is the proxy's to pass on (<c>proxy_set_header Host $host</c>), or <c>Platform:PublicBaseUrl</c>
/// names the public address.
/// </summary>
public static class ReverseProxy
{
    public const string TrustedProxiesKey = "Platform:TrustedProxies";

    public static IServiceCollection AddSproReverseProxy(this IServiceCollection services, IConfiguration configuration)
    {
        var trusted = TrustedProxies(configuration);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The loopback stays trusted (the framework's default): a proxy on the same machine.
            foreach (var entry in trusted)
            {
                if (entry.Contains('/')) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
                else o.KnownProxies.Add(IPAddress.Parse(entry));
            }
        });
        return services;
    }

    private static List<string> TrustedProxies(IConfiguration configuration)
    {
        var section = configuration.GetSection(TrustedProxiesKey);
        var values = section.Value is { } single ? [single] : section.GetChildren().Select(c => c.Value ?? "").ToList();
        var entries = values.SelectMany(v => v.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        foreach (var entry in entries)
        {
            var valid = entry.Contains('/') ? System.Net.IPNetwork.TryParse(entry, out _) : IPAddress.TryParse(entry, out _);
            if (!valid) throw new InvalidOperationException($"{TrustedProxiesKey} : « {entry} » n'est ni une adresse IP ni un réseau (10.0.0.0/24).");
        }
        return entries;
    }
}

using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace SproHub.Host.Platform.Security;

/// <summary>
/// Behind the reverse proxy of docs/operations.md, the client's address and scheme come from <c>X-Forwarded-*</c>, trusted
/// only from the loopback and the addresses listed in <c>Platform:TrustedProxies</c>: sign-in throttling counts per client,
/// not per proxy.
/// </summary>
internal static class ForwardedClient
{
    public static IServiceCollection AddForwardedClient(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in configuration.GetSection("Platform:TrustedProxies").Get<string[]>() ?? [])
                o.KnownProxies.Add(IPAddress.Parse(proxy));
        });
}

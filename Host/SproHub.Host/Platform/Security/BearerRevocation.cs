using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using SproHub.Network.Accounts;

namespace SproHub.Host.Platform.Security;

/// <summary>
/// Bearer tokens carry the account's security stamp: a token whose account changed since (password, roles, lockout,
/// deletion) is treated as no token at all. The answer is kept for less than <see cref="Authentication.RevocationDelay"/>,
/// on each host, so that a busy client costs one lookup a minute, not one per request.
/// </summary>
internal sealed class BearerRevocation(RequestDelegate next, IMemoryCache cache, Microsoft.Extensions.Options.IOptions<IdentityOptions> identity, TimeProvider clock)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (http.User.Identity?.IsAuthenticated == true
            && Authentication.CarriesBearerToken(http.Request)
            && !await IsCurrentAsync(http))
            http.User = new ClaimsPrincipal(new ClaimsIdentity());
        await next(http);
    }

    private async Task<bool> IsCurrentAsync(HttpContext http)
    {
        var userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = http.User.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        var key = $"bearer-stamp:{userId}:{stamp}";
        // The platform's clock decides, so that the delay is the one configured whatever the cache's own clock.
        if (cache.TryGetValue(key, out (bool Current, DateTimeOffset Until) known) && known.Until > clock.GetUtcNow()) return known.Current;
        var current = await http.RequestServices.GetRequiredService<SignInManager<SproUser>>().ValidateSecurityStampAsync(http.User) is not null;
        cache.Set(key, (current, clock.GetUtcNow() + Authentication.RevocationDelay / 2), Authentication.RevocationDelay / 2);
        return current;
    }
}

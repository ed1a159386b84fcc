using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SproHub.Network.Accounts.SignIn;

/// <summary>
/// Slows a flood of sign-in attempts from one client address before it locks people out (ten misses lock an account):
/// the host answers 429 with <c>Retry-After</c> past <c>Security:SignInAttemptsPerMinute</c>.
/// </summary>
public static class SignInThrottle
{
    public const string Policy = "network.sign-in";
    public const int DefaultAttemptsPerMinute = 5;

    public static void AddTo(IServiceCollection services, IConfiguration configuration)
    {
        // Raise it where many agents reach the platform through one public address.
        var perMinute = configuration.GetValue("Security:SignInAttemptsPerMinute", DefaultAttemptsPerMinute);
        services.AddRateLimiter(o => o.AddPolicy(Policy, http => HttpMethods.IsGet(http.Request.Method)
            ? RateLimitPartition.GetNoLimiter("page") // showing the sign-in page is not an attempt
            : RateLimitPartition.GetSlidingWindowLimiter("client:" + http.Connection.RemoteIpAddress,
                _ => new SlidingWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), SegmentsPerWindow = 6, QueueLimit = 0 })));
    }
}

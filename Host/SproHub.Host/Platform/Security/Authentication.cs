using Microsoft.AspNetCore.Identity;
using SproHub.Host.Platform.Errors;

namespace SproHub.Host.Platform.Security;

public static class Authentication
{
    private const string Smart = "spro";

    /// <summary>How long a cookie or token outlives a change to its account, at most.</summary>
    public static readonly TimeSpan RevocationDelay = TimeSpan.FromMinutes(1);

    /// <summary>Cookies for people in the browser, bearer tokens for API clients; the API never redirects.</summary>
    public static IServiceCollection AddSproAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(Smart)
            .AddPolicyScheme(Smart, "Cookie ou jeton", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.FirstOrDefault()?.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) == true
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            // An hour, renewed with the refresh token; a revoked account is refused sooner, by its security stamp.
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(1))
            .AddIdentityCookies();
        // The cookie's account is checked again every minute: a changed password, withdrawn role, lockout or deletion ends it.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = RevocationDelay);
        services.AddMemoryCache();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/compte/connexion";
            o.LogoutPath = "/compte/deconnexion";
            o.AccessDeniedPath = "/erreur/403";
            o.Cookie.Name = "sprohub";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Events.OnRedirectToLogin = http => Refuse(http, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = http => Refuse(http, StatusCodes.Status403Forbidden);
        });
        services.AddAuthorization();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                // Sliding windows do not say when a permit frees: a minute is the longest it can take.
                var wait = context.Lease.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out var known) ? known : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask; // the status code pages write the problem details or the French page
            };
        });
        return services;
    }

    private static Task Refuse(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (ProblemDetailsExceptionHandler.IsApi(context.HttpContext))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}

using Microsoft.AspNetCore.Identity;
using SproHub.Host.Platform.Errors;

namespace SproHub.Host.Platform.Security;

public static class Authentication
{
    private const string Smart = "spro";

    /// <summary>How long a cookie or token outlives a change to its account, at most.</summary>
    public static readonly TimeSpan RevocationDelay = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Cookies for people in the browser, bearer tokens for API clients; the API never redirects. In Production every
    /// cookie of the platform (session, antiforgery, messages) is sent over HTTPS only, whatever the host hears from a
    /// reverse proxy; elsewhere over the request's own scheme, so that tests and <c>dotnet run</c> work over http.
    /// </summary>
    public static IServiceCollection AddSproAuthentication(this IServiceCollection services, IHostEnvironment environment)
    {
        var secure = environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        services.AddAuthentication(Smart)
            .AddPolicyScheme(Smart, "Cookie ou jeton", o => o.ForwardDefaultSelector = http =>
                CarriesBearerToken(http.Request) ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme)
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
            o.Cookie.SecurePolicy = secure;
            o.Events.OnRedirectToLogin = http => Refuse(http, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = http => Refuse(http, StatusCodes.Status403Forbidden);
        });
        services.ConfigureAll<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(o => o.Cookie.SecurePolicy = secure);
        services.Configure<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>(o =>
        {
            o.Cookie.SecurePolicy = secure;
            // SecurityHeaders sends X-Frame-Options: DENY on every answer, not SAMEORIGIN on forms only.
            o.SuppressXFrameOptionsHeader = true;
        });
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o => o.Cookie.SecurePolicy = secure);
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

    /// <summary>An API client's request: its bearer token authenticates it, and the cookie is not read.</summary>
    public static bool CarriesBearerToken(HttpRequest request) =>
        request.Headers.Authorization.FirstOrDefault()?.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) == true;

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

using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace SproHub.Host.Platform.Security;

/// <summary>
/// An API write (POST, PUT, PATCH, DELETE under <c>/api</c>) carried by the session cookie must come from the
/// platform's own pages: a browser sends the cookie with a request another site makes it send, and SameSite=Lax alone
/// leaves sibling sites and old browsers. The browser says where a request comes from in headers no script can set:
/// <c>Sec-Fetch-Site</c> must be <c>same-origin</c>; without it, <c>Origin</c> must be the platform's public origin;
/// without either, a same-origin <c>Referer</c>. With none of the three the write is refused (ADR 0008): a cookie is a
/// browser's credential, and programs use a bearer token. Bearer-token and anonymous requests pass untouched: no
/// browser attaches a bearer token by itself, and an anonymous request carries no one's authority.
/// Refused with 403 problem details, rule <see cref="Rule"/>, before any endpoint reads the body.
/// </summary>
public sealed class SameOriginWrites(RequestDelegate next, PublicOrigin origins, ILogger<SameOriginWrites> logger)
{
    public const string Rule = "meme-origine";

    public async Task InvokeAsync(HttpContext http)
    {
        if (!IsCookieApiWrite(http) || FromOwnPages(http))
        {
            await next(http);
            return;
        }
        var request = http.Request;
        logger.LogWarning("Écriture API refusée : cookie de session sans preuve de même origine ({Method} {Path}, Origin « {Origin} », Sec-Fetch-Site « {Site} »)",
            request.Method, request.Path, request.Headers.Origin.ToString(), request.Headers["Sec-Fetch-Site"].ToString());
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status403Forbidden,
            Title = "Requête d'un autre site refusée",
            Detail = "Une écriture par l'API avec le cookie de session doit venir des pages de la plateforme elle-même "
                + "(en-tête Sec-Fetch-Site « same-origin » ou Origin de la plateforme). Un programme client s'authentifie par jeton (Authorization: Bearer).",
        };
        problem.Extensions["rule"] = Rule;
        problem.Extensions["traceId"] = System.Diagnostics.Activity.Current?.Id ?? http.TraceIdentifier;
        http.Response.StatusCode = StatusCodes.Status403Forbidden;
        await http.Response.WriteAsJsonAsync(problem, problem.GetType(), options: null, contentType: "application/problem+json");
    }

    private static bool IsCookieApiWrite(HttpContext http)
    {
        var request = http.Request;
        if (!request.Path.StartsWithSegments("/api")) return false;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method)) return false;
        // The same test as the authentication's selector: with a bearer token the cookie is not even read.
        if (Authentication.CarriesBearerToken(request)) return false;
        return http.User.Identity?.IsAuthenticated == true;
    }

    private bool FromOwnPages(HttpContext http)
    {
        var headers = http.Request.Headers;
        // Fetch metadata: the browser's own verdict, proxies or not. same-site (a sibling sub-domain), cross-site and
        // none (typed in the address bar, which a write never is) are not the platform's pages.
        if (headers["Sec-Fetch-Site"] is { Count: > 0 } site)
            return string.Equals(site.ToString(), "same-origin", StringComparison.OrdinalIgnoreCase);
        // « null » (a sandboxed frame, a page that hides where it comes from) is no origin of ours.
        if (headers.Origin is { Count: > 0 } origin)
            return origins.IsOwn(http, origin.ToString());
        // Browsers from before Origin was sent on every POST still say which page sent the request.
        if (headers[HeaderNames.Referer] is { Count: > 0 } referer)
            return Uri.TryCreate(referer.ToString(), UriKind.Absolute, out var page) && origins.IsOwn(http, page.GetLeftPart(UriPartial.Authority));
        return false;
    }
}

/// <summary>
/// The platform's origin as the browser sees it: the request's scheme and host (behind a trusted reverse proxy, the
/// scheme it forwarded: <see cref="ReverseProxy"/>), or <c>Platform:PublicBaseUrl</c> when set (a proxy that does
/// not pass the Host header on).
/// </summary>
public sealed class PublicOrigin(IConfiguration configuration)
{
    private readonly Uri? _configured = Uri.TryCreate(configuration["Platform:PublicBaseUrl"], UriKind.Absolute, out var url) ? url : null;

    public bool IsOwn(HttpContext http, string origin)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var claimed) || claimed.Scheme is not ("http" or "https")) return false;
        var request = http.Request;
        if (Uri.TryCreate($"{request.Scheme}://{request.Host.Value}", UriKind.Absolute, out var own) && Same(claimed, own)) return true;
        return _configured is not null && Same(claimed, _configured);
    }

    /// <summary>Same scheme, host and port (the default port written or not), case aside.</summary>
    private static bool Same(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;
}

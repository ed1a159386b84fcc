using Microsoft.Extensions.Primitives;

namespace SproHub.Host.Platform.Security;

/// <summary>
/// The browser's protections, on every answer (pages, API, static files, error pages, refusals): a strict
/// Content-Security-Policy (scripts and styles from the platform's own files only, nothing from a third party, no
/// framing), <c>X-Frame-Options: DENY</c> for browsers that ignore frame-ancestors, <c>nosniff</c>, a referrer that
/// never carries a path to another site, and in Production HSTS over HTTPS. Written when the answer starts, so that
/// an answer the exception handler cleared and rendered again still carries them.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next, IHostEnvironment environment)
{
    /// <summary>What every page is held to: the pages' scripts are files (wwwroot/js/site.js, a module's /_modules/{id}/),
    /// their styles too (no style attribute, no &lt;style&gt;), their forms post to the platform.</summary>
    public const string Policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; "
        + "connect-src 'self'; media-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// A PDF opened in the browser is shown by its own viewer, a plugin in a page the browser makes: Chrome refuses it
    /// under object-src 'none', and the styles of that page under style-src. The PDF runs no script of ours.
    /// </summary>
    public const string PdfPolicy = "object-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public const string ApiReferencePath = "/api-reference";

    /// <summary>One year; HTTPS for the platform's sub-domains too.</summary>
    public const string StrictTransportSecurity = "max-age=31536000; includeSubDomains";

    private readonly bool _hsts = environment.IsProduction();

    public Task InvokeAsync(HttpContext http)
    {
        http.Response.OnStarting(static state =>
        {
            var (self, context) = ((SecurityHeaders, HttpContext))state;
            self.Apply(context);
            return Task.CompletedTask;
        }, (this, http));
        return next(http);
    }

    private void Apply(HttpContext http)
    {
        var headers = http.Response.Headers;
        // An answer may bring a policy of its own (an image shown in a sandbox): the platform's directives complete it.
        headers.ContentSecurityPolicy = Complete(headers.ContentSecurityPolicy, PolicyFor(http));
        headers.XFrameOptions = "DENY";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        if (_hsts && http.Request.IsHttps && !IsLoopback(http.Request.Host.Host)) headers.StrictTransportSecurity = StrictTransportSecurity;
    }

    private static string PolicyFor(HttpContext http)
    {
        if (http.Response.ContentType?.StartsWith("application/pdf", StringComparison.OrdinalIgnoreCase) == true) return PdfPolicy;
        if (http.Request.Path.StartsWithSegments(ApiReferencePath)) return ApiReferencePolicy(http);
        return Policy;
    }

    /// <summary>
    /// The API reference (Scalar, served from the package: no CDN, no third-party font, no telemetry) is the one page
    /// we do not write. It starts with an inline module script, allowed by the nonce Scalar puts on its script tags for
    /// this request only; its Vue components set inline styles and its pictures are data: URLs. Only this path is
    /// relaxed, and only for styles and pictures: scripts still come from the platform, fetches go to the platform only.
    /// </summary>
    private static string ApiReferencePolicy(HttpContext http)
    {
        var nonce = http.Items[Scalar.AspNetCore.ScalarOptions.NonceHttpContextItemKey] as string;
        var scripts = nonce is null ? "'self'" : $"'self' 'nonce-{nonce}'";
        return $"default-src 'self'; script-src {scripts}; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    /// <summary>The answer's own directives first, then the platform's that it does not set.</summary>
    private static string Complete(StringValues own, string platform)
    {
        if (StringValues.IsNullOrEmpty(own)) return platform;
        var directives = own.ToString().Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var named = directives.Select(d => d.Split(' ')[0].ToLowerInvariant()).ToHashSet();
        directives.AddRange(platform.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(d => !named.Contains(d.Split(' ')[0].ToLowerInvariant())));
        return string.Join("; ", directives);
    }

    /// <summary>As ASP.NET's own HSTS: never pinned on a developer's machine.</summary>
    private static bool IsLoopback(string host) => host is "localhost" or "127.0.0.1" or "[::1]";
}

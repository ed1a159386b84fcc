using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using SproHub.Host.Platform.Security;
using SproHub.Testing;
using Xunit;

namespace Host.Tests;

/// <summary>
/// Every answer carries the browser's protections: a page, an API answer, a static file (the host's and a plugin's),
/// error pages and refusals. The policy allows the platform's own files only and no framing.
/// </summary>
public sealed partial class SecurityHeaderTests(SproHubFactory factory) : IClassFixture<SproHubFactory>
{
    public static TheoryData<string, HttpStatusCode> Answers => new()
    {
        { "/annuaire", HttpStatusCode.OK },                            // a page
        { "/compte/connexion", HttpStatusCode.OK },                    // a page with a form (antiforgery said SAMEORIGIN there)
        { "/api/network/territories", HttpStatusCode.OK },             // the API
        { "/css/site.css", HttpStatusCode.OK },                        // the host's static files
        { "/js/site.js", HttpStatusCode.OK },
        { "/_modules/mode-emploi/reception.js", HttpStatusCode.OK },   // a plugin's, from its assembly
        { "/page-inconnue", HttpStatusCode.NotFound },                 // the error page
        { "/t/orleans/ma-boite/fichiers", HttpStatusCode.Redirect },   // to the login page
        { "/api/inconnue", HttpStatusCode.NotFound },                  // an API refusal
        { "/api/admin/modules", HttpStatusCode.Unauthorized },
        { "/health", HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task Every_answer_carries_the_policy_and_the_browser_protections(string path, HttpStatusCode status)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(SecurityHeaders.Policy, Single(response, "Content-Security-Policy"));
        Assert.Equal("DENY", Single(response, "X-Frame-Options"));
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Single(response, "Referrer-Policy"));
    }

    [Fact]
    public async Task The_policy_allows_only_the_platform_and_no_framing()
    {
        var directives = SecurityHeaders.Policy.Split(';', StringSplitOptions.TrimEntries).ToDictionary(d => d.Split(' ')[0], d => d.Split(' ')[1..]);
        Assert.Equal(["'none'"], directives["frame-ancestors"]);
        Assert.Equal(["'self'"], directives["script-src"]);
        Assert.Equal(["'self'"], directives["style-src"]);
        Assert.Equal(["'none'"], directives["object-src"]);
        Assert.DoesNotContain(directives.Values.SelectMany(v => v), v => v.Contains("unsafe") || v.Contains("http") || v == "*");

        // A plugin's script is served from its assembly, as a script.
        var script = await factory.CreateClient().GetAsync("/_modules/mode-emploi/reception.js");
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Contains("addEventListener", await script.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync("/_modules/mode-emploi/absent.js")).StatusCode);
    }

    [Fact]
    public async Task The_API_reference_runs_its_start_up_script_by_a_nonce_of_this_answer_and_calls_no_one_else()
    {
        var client = factory.CreateClient();
        var first = await client.GetAsync("/api-reference/");
        var html = await first.Content.ReadAsStringAsync();
        var policy = Single(first, "Content-Security-Policy");

        var nonce = Assert.Single(ScriptNonce().Matches(html).Select(m => m.Groups[1].Value).Distinct());
        Assert.Contains($"script-src 'self' 'nonce-{nonce}';", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Contains("connect-src 'self';", policy);
        Assert.DoesNotContain("http", policy);
        Assert.DoesNotContain("scalar.com", html); // no font, script or telemetry from Scalar's servers
        Assert.Equal("DENY", Single(first, "X-Frame-Options"));
        // Every script tag carries it; the next answer has another.
        Assert.Equal(Regex.Matches(html, "<script").Count, ScriptNonce().Matches(html).Count);
        var second = await (await client.GetAsync("/api-reference/")).Content.ReadAsStringAsync();
        Assert.NotEqual(nonce, ScriptNonce().Match(second).Groups[1].Value);
    }

    [Fact]
    public async Task A_file_shown_in_the_browser_keeps_a_policy_its_viewer_accepts()
    {
        const string files = "/api/territories/orleans/ma-boite/files";
        var jade = await factory.ClientAsAsync("personne@orleans.demo");
        var folder = (await (await jade.GetAsync(files)).JsonAsync(HttpStatusCode.OK)).GetProperty("folders")[0].GetProperty("id").GetGuid();
        var cv = (await (await jade.GetAsync($"{files}?folderId={folder}")).JsonAsync(HttpStatusCode.OK)).GetProperty("documents")[0].GetProperty("id").GetGuid();

        // The browser's PDF viewer is a plugin: object-src 'none' would refuse it.
        var pdf = await jade.GetAsync($"{files}/{cv}/content?inline=true");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal(SecurityHeaders.PdfPolicy, Single(pdf, "Content-Security-Policy"));
        Assert.Equal("DENY", Single(pdf, "X-Frame-Options"));

        // A picture keeps the sandbox it is shown in, completed by the platform's directives.
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0];
        var photo = (await (await jade.PostAsync($"{files}?name=photo.png", new ByteArrayContent(png))).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var policy = Single(await jade.GetAsync($"{files}/{photo}/content?inline=true"), "Content-Security-Policy");
        Assert.StartsWith("sandbox; default-src 'self'; script-src 'self';", policy);
        Assert.EndsWith("frame-ancestors 'none'", policy);
    }

    internal static string Single(HttpResponseMessage response, string header) =>
        Assert.Single(response.Headers.TryGetValues(header, out var values) ? values : response.Content.Headers.TryGetValues(header, out var content) ? content : []);

    [GeneratedRegex("<script[^>]*\\snonce=\"([^\"]+)\"")]
    private static partial Regex ScriptNonce();
}

using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using SproHub.Host.Platform.Security;
using SproHub.Testing;
using Xunit;

namespace Host.Tests;

/// <summary>
/// Every answer carries the browser's protections: a page, an API answer, a static file (the host's and a plugin's),
/// error pages and refusals. The policy allows the platform's own files only and no framing.
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed partial class SecurityHeaderTests(SproHubFactory factory) : IAsyncLifetime
{
    // Reads the demo data as seeded: one reset when the class starts, not one per test.
    public Task InitializeAsync() => factory.ResetOnceForAsync(GetType());
    public Task DisposeAsync() => Task.CompletedTask;

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
        Assert.False(response.Headers.Contains("Strict-Transport-Security")); // Production only
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

    [Fact]
    public async Task Outside_Production_the_session_cookie_follows_the_request_s_scheme()
    {
        var overHttp = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.DoesNotContain("secure", SessionCookie(await overHttp.SubmitFormAsync("/compte/connexion", Login())), StringComparison.OrdinalIgnoreCase);

        var overHttps = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        Assert.Contains("secure", SessionCookie(await overHttps.SubmitFormAsync("/compte/connexion", Login())), StringComparison.OrdinalIgnoreCase);
    }

    internal static Dictionary<string, string> Login() => new() { ["Input.Email"] = DemoAccounts.LoirEtCherCoordinator, ["Input.Password"] = SproHub.Network.Accounts.DemoNetwork.Password };

    internal static string SessionCookie(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sprohub=", StringComparison.Ordinal));
    }

    internal static string Single(HttpResponseMessage response, string header) =>
        Assert.Single(response.Headers.TryGetValues(header, out var values) ? values : response.Content.Headers.TryGetValues(header, out var content) ? content : []);

    [GeneratedRegex("<script[^>]*\\snonce=\"([^\"]+)\"")]
    private static partial Regex ScriptNonce();
}

/// <summary>In Production: HTTPS only, said to the browser for a year; the cookies never travel in clear.</summary>
// Its own host, not the shared platform: the Production environment and an HTTPS port change the pipeline.
public sealed class ProductionTransportTests(ProductionTransportTests.ProductionPlatform factory) : IClassFixture<ProductionTransportTests.ProductionPlatform>
{
    public sealed class ProductionPlatform : SproHubFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["HTTPS_PORT"] = "443" };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }

    private HttpClient Client(string address) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(address) });

    [Fact]
    public async Task Plain_http_is_sent_to_https_except_the_health_checks()
    {
        var http = Client("http://spro.example.fr");
        var page = await http.GetAsync("/annuaire?q=cio");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, page.StatusCode);
        Assert.Equal("https://spro.example.fr/annuaire?q=cio", page.Headers.Location?.ToString());
        Assert.Equal("DENY", SecurityHeaderTests.Single(page, "X-Frame-Options"));

        // A load balancer asks the host itself: it must read 503 while the database is prepared, not a redirect.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task Over_https_every_answer_says_so_for_a_year_and_the_cookies_are_secure()
    {
        var https = Client("https://spro.example.fr");
        foreach (var path in new[] { "/annuaire", "/api/network/territories", "/css/site.css", "/page-inconnue" })
        {
            var response = await https.GetAsync(path);
            Assert.Equal(SecurityHeaders.StrictTransportSecurity, SecurityHeaderTests.Single(response, "Strict-Transport-Security"));
            Assert.Equal(SecurityHeaders.Policy, SecurityHeaderTests.Single(response, "Content-Security-Policy"));
        }

        var form = await https.GetAsync("/compte/connexion");
        Assert.All(form.Headers.GetValues("Set-Cookie"), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase)); // antiforgery
        Assert.Contains("secure", SecurityHeaderTests.SessionCookie(await https.SubmitFormAsync("/compte/connexion", SecurityHeaderTests.Login())), StringComparison.OrdinalIgnoreCase);
    }
}

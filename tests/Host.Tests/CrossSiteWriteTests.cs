using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SproHub.Network.Accounts;
using SproHub.Testing;
using Xunit;

namespace Host.Tests;

/// <summary>
/// Another site cannot make a person's browser write through the API with her session cookie (ADR 0008): a
/// cookie-carried write must show it comes from the platform's own pages. Bearer-token clients are not concerned.
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed class CrossSiteWriteTests(SproHubFactory factory) : IAsyncLifetime
{
    internal const string Orleans = "/api/territories/orleans/ma-boite";
    internal const string Person = "personne@orleans.demo";
    private const string Evil = "https://evil.example";

    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_cookie_carried_write_from_another_site_is_refused_and_nothing_is_stored()
    {
        var jade = await factory.ClientAsCookieAsync(Person);
        var share = await ShareAsync(jade);
        var before = await FilesAsync(jade);

        var revoke = await jade.SendAsync(Request(HttpMethod.Post, $"{Orleans}/shares/{share}/revoke", origin: Evil));
        var problem = await revoke.JsonAsync(HttpStatusCode.Forbidden);
        Assert.Equal("meme-origine", problem.GetProperty("rule").GetString());
        Assert.Contains("autre site", problem.GetProperty("title").GetString());
        Assert.Equal("application/problem+json", revoke.Content.Headers.ContentType?.MediaType);

        var upload = Request(HttpMethod.Post, $"{Orleans}/files?name=csrf.html", origin: Evil, site: "cross-site");
        upload.Content = new StringContent("<script>alert(1)</script>", System.Text.Encoding.UTF8, "text/plain");
        await (await jade.SendAsync(upload)).JsonAsync(HttpStatusCode.Forbidden);

        // A sibling site (same-site), a hidden origin, a page typed in (none), and no word at all of where it comes from.
        await (await jade.SendAsync(Request(HttpMethod.Post, $"{Orleans}/shares/{share}/revoke", site: "same-site"))).JsonAsync(HttpStatusCode.Forbidden);
        await (await jade.SendAsync(Request(HttpMethod.Post, $"{Orleans}/shares/{share}/revoke", origin: "null"))).JsonAsync(HttpStatusCode.Forbidden);
        await (await jade.SendAsync(Request(HttpMethod.Post, $"{Orleans}/shares/{share}/revoke", site: "none"))).JsonAsync(HttpStatusCode.Forbidden);
        await (await jade.SendAsync(Request(HttpMethod.Post, $"{Orleans}/shares/{share}/revoke"))).JsonAsync(HttpStatusCode.Forbidden);
        await (await jade.SendAsync(Request(HttpMethod.Post, $"{Orleans}/shares/{share}/revoke", referer: $"{Evil}/piege"))).JsonAsync(HttpStatusCode.Forbidden);
        // The scheme counts: http is not the same origin as https.
        await (await jade.SendAsync(Request(HttpMethod.Post, $"{Orleans}/shares/{share}/revoke", origin: "https://localhost"))).JsonAsync(HttpStatusCode.Forbidden);

        var shares = await (await jade.GetAsync($"{Orleans}/shares")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Actif", shares.EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == share).GetProperty("state").GetString());
        Assert.Equal(before, await FilesAsync(jade));
    }

    [Fact]
    public async Task The_platform_s_own_pages_write_with_the_cookie()
    {
        var jade = await factory.ClientAsCookieAsync(Person);
        var first = await ShareAsync(jade);
        var second = await ShareAsync(jade);
        var third = await ShareAsync(jade);

        // Fetch metadata (every current browser), an Origin alone (older ones), a Referer alone (older still).
        await (await jade.SendAsync(Request(HttpMethod.Post, $"{Orleans}/shares/{first}/revoke", site: "same-origin", origin: "http://localhost"))).JsonAsync(HttpStatusCode.OK);
        await (await jade.SendAsync(Request(HttpMethod.Post, $"{Orleans}/shares/{second}/revoke", origin: "http://LOCALHOST:80"))).JsonAsync(HttpStatusCode.OK);
        await (await jade.SendAsync(Request(HttpMethod.Post, $"{Orleans}/shares/{third}/revoke", referer: "http://localhost/t/orleans/ma-boite/partages"))).JsonAsync(HttpStatusCode.OK);

        var upload = Request(HttpMethod.Post, $"{Orleans}/files?name=note.txt", site: "same-origin");
        upload.Content = new StringContent("Mes notes", System.Text.Encoding.UTF8, "text/plain");
        await (await jade.SendAsync(upload)).JsonAsync(HttpStatusCode.Created);

        // Reading is never concerned.
        await (await jade.SendAsync(Request(HttpMethod.Get, $"{Orleans}/shares", origin: Evil))).JsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_bearer_token_client_writes_whatever_its_origin_and_an_anonymous_call_is_judged_as_before()
    {
        var jade = await factory.ClientAsAsync(Person);
        var share = await ShareAsync(jade);
        await (await jade.SendAsync(Request(HttpMethod.Post, $"{Orleans}/shares/{share}/revoke", origin: Evil, site: "cross-site"))).JsonAsync(HttpStatusCode.OK);

        // No one's authority: refused for want of a login, not for its origin; and the login itself stays open.
        var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(Request(HttpMethod.Post, $"{Orleans}/shares/{share}/revoke", origin: Evil))).StatusCode);
        var token = Request(HttpMethod.Post, "/api/network/auth/token", origin: Evil);
        token.Content = JsonContent.Create(new { email = Person, password = DemoNetwork.Password });
        await (await anonymous.SendAsync(token)).JsonAsync(HttpStatusCode.OK);
    }

    internal static HttpRequestMessage Request(HttpMethod method, string url, string? origin = null, string? site = null, string? referer = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (origin is not null) request.Headers.Add("Origin", origin);
        if (site is not null) request.Headers.Add("Sec-Fetch-Site", site);
        if (referer is not null) request.Headers.Referrer = new Uri(referer);
        return request;
    }

    /// <summary>A share of the person's demo folder with her adviser, made from her own pages.</summary>
    internal static async Task<Guid> ShareAsync(HttpClient jade)
    {
        var root = await (await jade.GetAsync($"{Orleans}/files")).JsonAsync(HttpStatusCode.OK);
        var folder = root.GetProperty("folders").EnumerateArray().First().GetProperty("id").GetGuid();
        var request = Request(HttpMethod.Post, $"{Orleans}/shares", site: "same-origin");
        request.Content = JsonContent.Create(new
        {
            kind = "Folder", itemId = folder, agentEmail = DemoNetwork.OrleansAdviser, access = "Read",
            expiresOn = DateOnly.FromDateTime(DateTime.Today).AddDays(7),
        });
        return (await (await jade.SendAsync(request)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    private static async Task<string> FilesAsync(HttpClient jade) =>
        (await (await jade.GetAsync($"{Orleans}/files")).JsonAsync(HttpStatusCode.OK)).GetRawText();
}

/// <summary>
/// Behind a reverse proxy the browser's origin is https while the host hears http: the scheme is the one a trusted
/// proxy forwards (Platform:TrustedProxies), never one any client claims.
/// </summary>
// Its own host, not the shared platform: a trusted proxy setting and every request arriving from it.
public sealed class CrossSiteWriteBehindProxyTests(CrossSiteWriteBehindProxyTests.ProxiedPlatform factory) : IClassFixture<CrossSiteWriteBehindProxyTests.ProxiedPlatform>
{
    /// <summary>Every request reaches the host from 10.0.0.5, a proxy trusted by configuration.</summary>
    public sealed class ProxiedPlatform : SproHubFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Platform:TrustedProxies"] = "10.0.0.0/24" };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new FromProxy()));
        }

        private sealed class FromProxy : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use((http, then) =>
                {
                    http.Connection.RemoteIpAddress = http.Request.Headers.ContainsKey("X-Test-Untrusted") ? IPAddress.Parse("192.0.2.7") : IPAddress.Parse("10.0.0.5");
                    return then(http);
                });
                next(app);
            };
        }
    }

    [Fact]
    public async Task The_public_https_origin_is_recognised_from_a_trusted_proxy_only()
    {
        var jade = await factory.ClientAsCookieAsync(CrossSiteWriteTests.Person);
        var first = await CrossSiteWriteTests.ShareAsync(jade);
        var second = await CrossSiteWriteTests.ShareAsync(jade);
        var url = (Guid share) => $"{CrossSiteWriteTests.Orleans}/shares/{share}/revoke";

        var proxied = CrossSiteWriteTests.Request(HttpMethod.Post, url(first), origin: "https://localhost");
        proxied.Headers.Add("X-Forwarded-Proto", "https");
        await (await jade.SendAsync(proxied)).JsonAsync(HttpStatusCode.OK);

        // The same claim from an address that is not a trusted proxy is not believed.
        var claimed = CrossSiteWriteTests.Request(HttpMethod.Post, url(second), origin: "https://localhost");
        claimed.Headers.Add("X-Forwarded-Proto", "https");
        claimed.Headers.Add("X-Test-Untrusted", "1");
        await (await jade.SendAsync(claimed)).JsonAsync(HttpStatusCode.Forbidden);
    }
}

using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using SproHub.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Host.Tests;

/// <summary>
/// What a person meets first: every demo role, from the home page and its territory's page, follows every link it is
/// shown. None leads to « Accès refusé », to a missing page or to an error, and no page speaks the framework's English.
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed partial class LinkCrawlTests(SproHubFactory factory, ITestOutputHelper output) : IAsyncLifetime
{
    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Pages per role at most: enough for every kind of page the demo shows, few enough to stay fast.</summary>
    private const int MaxPages = 500;

    /// <summary>Links of one shape (ids and numbers aside) followed per role: the fourth structure card says no more than the first three.</summary>
    private const int PerShape = 3;

    /// <summary>The demo roles (README) with the territory each lands on; an empty account is the visitor.</summary>
    public static TheoryData<string, string> Roles => new()
    {
        { "", "orleans" },
        { DemoAccounts.RegionAdmin, "region" },
        { DemoAccounts.RegionFinance, "region" },
        { DemoAccounts.LoirEtCherCoordinator, "loir-et-cher" },
        { DemoAccounts.LoirEtCherMember, "loir-et-cher" },
        { DemoAccounts.CherCoordinator, "cher" },
        { "conseil@cher.demo", "cher" },
        { "cio@cher.demo", "cher" },
        { "mdph@cher.demo", "cher" },
        { "capemploi@cher.demo", "cher" },
        { DemoAccounts.IndreEtLoireCoordinator, "indre-et-loire" },
        { DemoAccounts.IndreEtLoireMember, "indre-et-loire" },
        { DemoAccounts.IndreEtLoireCarrierAgent, "indre-et-loire" },
        { "personne@orleans.demo", "orleans" },
        { "conseil@orleans.demo", "orleans" },
        { "coordination@chateaudun-nogent.demo", "chateaudun-nogent" },
        { "membre@chateaudun-nogent.demo", "chateaudun-nogent" },
    };

    /// <summary>What ASP.NET Core, its model binding, data annotations and Identity say in English when left to themselves.</summary>
    private static readonly string[] FrameworkEnglish =
    [
        "is not valid for", "is not valid.", "The value '", "field is required", "must be a number", "A value is required",
        "A value for the", "The supplied value is invalid", "is invalid.", "Null value is invalid", "The field ",
        "must be a string", "An error occurred", "An unhandled exception", "Passwords must", "Invalid login attempt",
        "Bad Request", "Not Found", "Access denied", "Status Code", "Request ID",
    ];

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Every_link_a_role_is_shown_opens_a_page_in_French(string account, string territory)
    {
        var client = account.Length == 0 ? factory.CreateClient(new() { AllowAutoRedirect = false }) : await factory.ClientAsCookieAsync(account);
        var parser = new HtmlParser();
        var clock = Stopwatch.StartNew();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var shapes = new Dictionary<string, int>(StringComparer.Ordinal);
        var queue = new Queue<(string Url, string From)>([("/", "(départ)"), ($"/t/{territory}", "(départ)")]);
        var failures = new List<string>();

        while (queue.TryDequeue(out var next) && seen.Count < MaxPages)
        {
            var (url, from) = next;
            var shape = Shape(url);
            if (seen.Contains(url) || shapes.GetValueOrDefault(shape) >= PerShape) continue;
            seen.Add(url);
            shapes[shape] = shapes.GetValueOrDefault(shape) + 1;

            using var answer = await client.GetAsync(url);
            var status = (int)answer.StatusCode;
            if (status is 403 or 404 or >= 500)
            {
                failures.Add($"{url} ({status}), lien de {from}");
                continue;
            }
            if (status is >= 300 and < 400)
            {
                if (SameSite(answer.Headers.Location?.OriginalString) is { } target) queue.Enqueue((target, from));
                continue;
            }
            if (answer.Content.Headers.ContentType?.MediaType != "text/html") continue;

            var document = await parser.ParseDocumentAsync(await answer.Content.ReadAsStringAsync());
            failures.AddRange(English(document).Select(found => $"{url} montre « {found} »"));
            foreach (var link in document.QuerySelectorAll("a[href]"))
                if (SameSite(link.GetAttribute("href"), url) is { } target && !seen.Contains(target)) queue.Enqueue((target, url));

            // The same page given words where it binds numbers, once per kind of page: model binding answers in French.
            if (shapes[shape] > 1) continue;
            var probe = url + (url.Contains('?') ? "&" : "?") + "page=deux&annee=deux&mois=deux";
            using var probed = await client.GetAsync(probe);
            if ((int)probed.StatusCode >= 500) failures.Add($"{probe} ({(int)probed.StatusCode})");
            else if (probed.Content.Headers.ContentType?.MediaType == "text/html")
                failures.AddRange(English(await parser.ParseDocumentAsync(await probed.Content.ReadAsStringAsync())).Select(found => $"{probe} montre « {found} »"));
        }

        output.WriteLine($"{(account.Length == 0 ? "visiteur" : account)} : {seen.Count} pages en {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Distinct()));
    }

    /// <summary>The framework's English phrases a page shows, with what surrounds them.</summary>
    private static IEnumerable<string> English(AngleSharp.Dom.IDocument document)
    {
        foreach (var hidden in document.QuerySelectorAll("script, style, template").ToList()) hidden.Remove();
        var text = Whitespace().Replace(document.Body?.TextContent ?? "", " ");
        return FrameworkEnglish.Where(e => text.Contains(e, StringComparison.Ordinal)).Select(e => Around(text, e));
    }

    /// <summary>A link's target on this site, without its fragment; null for another site, mail, phone or sign-out.</summary>
    private static string? SameSite(string? href, string from = "/")
    {
        if (string.IsNullOrWhiteSpace(href) || href.StartsWith('#')) return null;
        if (!Uri.TryCreate(new Uri("http://localhost" + from), href, out var target)) return null;
        if (target.Scheme is not ("http" or "https") || target.Host != "localhost") return null;
        var path = target.PathAndQuery;
        // Signing out would end the crawl's session.
        return path.StartsWith("/compte/deconnexion", StringComparison.Ordinal) ? null : path;
    }

    /// <summary>The kind of page a link opens: ids, years and numbers collapsed, the query's names kept.</summary>
    private static string Shape(string url)
    {
        var parts = url.Split('?', 2);
        var path = Number().Replace(Guid().Replace(parts[0], "{id}"), "{n}");
        var query = parts.Length == 1 ? "" : string.Join('&', parts[1].Split('&').Select(p => p.Split('=')[0]).Order());
        return path + "?" + query;
    }

    private static string Around(string text, string found)
    {
        var at = text.IndexOf(found, StringComparison.Ordinal);
        var start = Math.Max(0, at - 60);
        return text[start..Math.Min(text.Length, at + found.Length + 60)].Trim();
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", RegexOptions.IgnoreCase)]
    private static partial Regex Guid();

    [GeneratedRegex(@"(?<=/)\d+(?=/|$)")]
    private static partial Regex Number();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

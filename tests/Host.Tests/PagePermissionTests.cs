using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using SproHub.Testing;
using Xunit;

namespace Host.Tests;

/// <summary>A page demands the permission its form's request demands: nobody sees a form whose post would be refused.</summary>
[Collection(SharedPlatform.Name)]
public sealed partial class PagePermissionTests(SproHubFactory factory) : IAsyncLifetime
{
    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Forms open to anyone by design: signing in and its e-mailed links, a meeting's personal reply link,
    /// ma boîte's self sign-up and the clips' screening questionnaire, answered by the audience.</summary>
    private static readonly string[] PublicForms =
        ["compte/", "reunions/reponse/", "t/{territory}/ma-boite/inscription", "t/{territory}/clips/{year:int}/questionnaire"];

    /// <summary>A local SPRO where no demo plugin is enabled and no demo page is crawled: its coordinator is a stranger elsewhere.</summary>
    private const string Stranger = "coordination@montargis-gien.demo";

    [Theory]
    [InlineData("/t/orleans/ma-boite/inviter", DemoAccounts.CherCoordinator)]
    [InlineData("/t/cher/cellule/situations/nouvelle", "coordination@orleans.demo")]
    public async Task A_form_page_sends_a_visitor_to_sign_in_and_refuses_a_person_without_its_permission(string page, string withoutPermission)
    {
        var anonymous = await factory.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/compte/connexion", anonymous.Headers.Location!.PathAndQuery);

        var refused = await (await factory.ClientAsCookieAsync(withoutPermission)).GetAsync(page);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain("<form method=\"post\" class=\"stack\"", await refused.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/t/orleans/ma-boite/inviter", "conseil@orleans.demo")]
    [InlineData("/t/cher/cellule/situations/nouvelle", "conseil@cher.demo")]
    public async Task The_person_the_request_allows_still_gets_the_form(string page, string allowed)
    {
        var answer = await (await factory.ClientAsCookieAsync(allowed)).GetAsync(page);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Matches(WriteForm(), await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task No_page_shows_a_write_form_to_a_visitor_or_to_a_stranger_to_its_territory()
    {
        var territories = await PluginTerritoriesAsync();
        var routes = factory.Service<IActionDescriptorCollectionProvider>().ActionDescriptors.Items.OfType<PageActionDescriptor>()
            .Select(p => p.AttributeRouteInfo?.Template).OfType<string>().Distinct().Order().ToList();
        Assert.Contains("t/{territory}/ma-boite/inviter", routes);

        var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        var stranger = await factory.ClientAsCookieAsync(Stranger);
        var failures = new List<string>();
        // The error pages are where refusals are rendered (/erreur alone is the 500 page): no form there.
        foreach (var route in routes.Where(r => !PublicForms.Any(r.StartsWith) && !r.StartsWith("erreur", StringComparison.Ordinal)))
        {
            if (Url(route, territories) is not { } url) continue;
            foreach (var (who, client) in new[] { ("un visiteur", anonymous), ("un coordinateur d'un autre territoire", stranger) })
            {
                if (who != "un visiteur" && !route.StartsWith("t/", StringComparison.Ordinal)) continue; // outside territories a signed-in person has forms of her own
                var answer = await client.GetAsync(url);
                if ((int)answer.StatusCode >= 500) failures.Add($"{url} pour {who} : {(int)answer.StatusCode}");
                else if (answer.IsSuccessStatusCode && WriteForm().IsMatch(await answer.Content.ReadAsStringAsync()))
                    failures.Add($"{url} montre un formulaire à {who}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>The route with its values: the territory where its module is enabled, a real year, a fresh id.</summary>
    private static string? Url(string route, Dictionary<string, string> territories)
    {
        var segments = route.Split('/');
        var filled = new List<string>();
        foreach (var segment in segments)
            filled.Add(segment switch
            {
                "{territory}" => territories.GetValueOrDefault(segments.ElementAtOrDefault(2) ?? "") ?? "indre-et-loire",
                _ when segment.EndsWith("?}", StringComparison.Ordinal) => "",
                _ when segment.Contains(":guid", StringComparison.Ordinal) => Guid.NewGuid().ToString(),
                _ when segment.Contains(":int", StringComparison.Ordinal) => DateTime.UtcNow.Year.ToString(),
                ['{', ..] => "x",
                _ => segment,
            });
        return "/" + string.Join('/', filled.Where(s => s.Length > 0));
    }

    private async Task<Dictionary<string, string>> PluginTerritoriesAsync()
    {
        var admin = await factory.ClientAsAsync(DemoAccounts.RegionAdmin);
        var modules = JsonDocument.Parse(await admin.GetStringAsync("/api/admin/modules")).RootElement;
        return modules.EnumerateArray().Where(m => m.GetProperty("enabledIn").GetArrayLength() > 0)
            .ToDictionary(m => m.GetProperty("id").GetString()!, m => m.GetProperty("enabledIn")[0].GetString()!);
    }

    /// <summary>A form that posts, other than the layout's sign-out button.</summary>
    [GeneratedRegex("<form(?![^>]*action=\"/compte/deconnexion\")[^>]*method=\"post\"", RegexOptions.IgnoreCase)]
    private static partial Regex WriteForm();
}

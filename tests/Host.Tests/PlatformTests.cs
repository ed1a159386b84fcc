using SproHub.Host.Modularity;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SproHub.Shared.Data;
using SproHub.Testing;
using Xunit;

namespace Host.Tests;

[Collection(SharedPlatform.Name)]
public sealed class PlatformTests(SproHubFactory factory) : IAsyncLifetime
{
    // Reads the demo data as seeded: one reset when the class starts, not one per test.
    public Task InitializeAsync() => factory.ResetOnceForAsync(GetType());
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Health_reports_the_database_the_migrations_and_the_plugins()
    {
        var report = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/health");
        Assert.Equal("Healthy", report.GetProperty("status").GetString());
        Assert.Equal("Healthy", report.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", report.GetProperty("checks").GetProperty("modules").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_core_and_plugin_endpoints()
    {
        var document = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/network/territories", paths);
        Assert.Contains("/api/territories/{territory}/comete/shows", paths);
        Assert.Contains("/api/admin/modules", paths);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/api-reference")).StatusCode);
    }

    [Fact]
    public void Every_module_has_its_own_prefixed_tables_and_migrations_history()
    {
        using var scope = factory.Services.CreateScope();
        var descriptors = scope.ServiceProvider.GetServices<ModuleDbContextDescriptor>().ToList();
        // Every installed plugin is checked too, whichever they are.
        Assert.Equal(["platform", "network", "governance", "budgets", "indicators"], descriptors.Select(d => d.ModuleId).Take(5));
        Assert.Contains("comete", descriptors.Select(d => d.ModuleId));
        Assert.Contains("cellule", descriptors.Select(d => d.ModuleId));
        foreach (var descriptor in descriptors)
        {
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(descriptor.ContextType);
            foreach (var table in db.Model.GetEntityTypes().Select(e => e.GetTableName()))
                Assert.StartsWith(descriptor.ModuleId.Replace('-', '_') + "_", table);
            Assert.Contains(db.Database.GetAppliedMigrations(), m => m.EndsWith("_Initial"));
            // A model change without its migration (for this provider) fails here, not in production.
            Assert.False(db.Database.HasPendingModelChanges(), $"{descriptor.ModuleId} : migration manquante");
        }
    }

    [Fact]
    public async Task Unknown_routes_answer_French_problem_details_for_the_API_and_a_French_page_for_people()
    {
        var api = await factory.CreateClient().GetAsync("/api/nulle-part");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Introuvable", (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        var page = await factory.CreateClient().GetAsync("/nulle-part");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("Page introuvable", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_home_page_lists_the_thirteen_local_SPROs()
    {
        var home = await factory.CreateClient().GetStringAsync("/");
        Assert.Contains("13 SPRO locaux", home);
        foreach (var slug in new[] { "cher", "chartres", "dreux", "chateaudun-nogent", "chateauroux", "issoudun", "le-blanc", "la-chatre", "indre-et-loire", "loir-et-cher", "orleans", "montargis-gien", "pithiviers" })
            Assert.Contains($"href=\"/t/{slug}\"", home);
    }
}

[Collection(SharedPlatform.Name)]
public sealed class RazorPathTests(SproHubFactory factory)
{
    /// <summary>
    /// Pages live in feature folders of every module. Plugins may organise theirs alike (a template makes them so):
    /// each plugin's views are under its own prefix; the host and core modules must not clash among themselves.
    /// </summary>
    [Fact]
    public void Every_plugin_s_views_are_under_its_own_prefix_and_nothing_is_shadowed()
    {
        var parts = factory.Service<Microsoft.AspNetCore.Mvc.ApplicationParts.ApplicationPartManager>();
        var feature = new Microsoft.AspNetCore.Mvc.Razor.Compilation.ViewsFeature();
        parts.PopulateFeature(feature);
        var paths = feature.ViewDescriptors.Select(d => d.RelativePath).ToList();
        Assert.Contains("/_plugins/comete/Programme/Pages/Programme.cshtml", paths);
        Assert.Contains("/_plugins/mode-emploi/Management/Pages/Manage.cshtml", paths);
        Assert.Contains("/_plugins/comete/Management/Pages/Manage.cshtml", paths); // same project path, both served

        // Nothing compiled is lost: every module's views are served, a plugin's under its prefix.
        var loader = new Microsoft.AspNetCore.Razor.Hosting.RazorCompiledItemLoader();
        foreach (var module in factory.Service<ModuleRegistry>().Active)
            foreach (var item in loader.LoadItems(module.Assembly!).Where(i => !i.Identifier.EndsWith("/_ViewImports.cshtml")))
                Assert.Contains(PluginViews.PathOf(module, item.Identifier), paths);
    }
}

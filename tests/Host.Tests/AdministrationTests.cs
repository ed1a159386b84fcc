using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SproHub.Host.Platform.Data;
using SproHub.Testing;
using Xunit;

namespace Host.Tests;

/// <summary>The Région administrator enables plugins per territory; every change is audited.</summary>
[Collection(SharedPlatform.Name)]
public sealed class AdministrationTests(SproHubFactory factory) : IAsyncLifetime
{
    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;


    [Fact]
    public async Task Every_installed_module_is_listed_with_its_version_state_and_territories()
    {
        var admin = await factory.ClientAsAsync(DemoAccounts.RegionAdmin);
        var modules = await (await admin.GetAsync("/api/admin/modules")).JsonAsync(HttpStatusCode.OK);
        var comete = modules.EnumerateArray().Single(m => m.GetProperty("id").GetString() == "comete");
        Assert.Equal("1.0.0", comete.GetProperty("version").GetString());
        Assert.Equal("chargé", comete.GetProperty("state").GetString());
        Assert.False(comete.GetProperty("isCore").GetBoolean());
        Assert.Equal(["loir-et-cher"], comete.GetProperty("enabledIn").EnumerateArray().Select(t => t.GetString()));
        Assert.Contains(modules.EnumerateArray(), m => m.GetProperty("id").GetString() == "network" && m.GetProperty("isCore").GetBoolean());
    }

    [Fact]
    public async Task Enabling_is_recorded_with_who_and_when_and_shown_in_the_audit()
    {
        var admin = await factory.ClientAsAsync(DemoAccounts.RegionAdmin);
        var result = await (await admin.PutAsJsonAsync("/api/admin/modules/comete/territories/orleans", new { enabled = true })).JsonAsync(HttpStatusCode.OK);
        Assert.True(result.GetProperty("enabled").GetBoolean());
        Assert.Contains("Région", result.GetProperty("changedBy").GetString());
        await (await admin.PutAsJsonAsync("/api/admin/modules/comete/territories/orleans", new { enabled = false })).JsonAsync(HttpStatusCode.OK);

        var audit = await (await admin.GetAsync("/api/admin/audit?territoire=orleans")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["plugin.desactive", "plugin.active"], audit.EnumerateArray().Select(a => a.GetProperty("action").GetString()));
        Assert.All(audit.EnumerateArray(), a => Assert.Contains("Région", a.GetProperty("userName").GetString()));
        var page = await (await factory.ClientAsCookieAsync(DemoAccounts.RegionAdmin)).GetStringAsync("/admin/audit?territoire=orleans");
        // People read what was done; the code stays the record's key, in the API.
        Assert.Contains("Plugin activé dans un territoire", page);
        Assert.DoesNotContain("plugin.active", page);
    }

    [Fact]
    public void Every_audit_code_a_module_writes_is_labelled_in_its_own_manifest()
    {
        var registry = factory.Service<SproHub.Host.Modularity.ModuleRegistry>();
        var unlabelled = new List<string>();
        // The platform's own codes, then each module's, read from the folder of its project.
        unlabelled.AddRange(AuditCodes(Repository.PathOf("Host")).Where(code => !SproHub.Host.Admin.AuditLabels.Platform.ContainsKey(code)).Select(code => $"plateforme : {code}"));
        var modules = registry.Active.Where(m => m.Assembly is not null).ToList();
        Assert.Contains(modules, m => m.Id == "clips");
        foreach (var module in modules)
        {
            var project = new[] { "Modules", "Plugins" }.SelectMany(d => Directory.EnumerateFiles(Repository.PathOf(d), module.Assembly!.GetName().Name + ".csproj", SearchOption.AllDirectories)).SingleOrDefault();
            if (project is null) continue; // a test plugin, outside the repository's modules
            var declared = module.Manifest!.AuditActions;
            Assert.All(declared, a => Assert.False(string.IsNullOrWhiteSpace(a.Value), $"{module.Id} : {a.Key} sans libellé"));
            unlabelled.AddRange(AuditCodes(Path.GetDirectoryName(project)!).Where(code => !declared.ContainsKey(code) && !SproHub.Host.Admin.AuditLabels.Platform.ContainsKey(code)).Select(code => $"{module.Id} : {code}"));
        }

        Assert.Contains("equipe.consultee", registry.Find("clips")!.Manifest!.AuditActions.Keys);
        Assert.True(unlabelled.Count == 0, "Codes d'audit sans libellé dans le manifeste de leur module : " + string.Join(", ", unlabelled));
    }

    /// <summary>The codes are string literals next to the audit calls: « module.action-faite ». File names are not codes.</summary>
    private static IEnumerable<string> AuditCodes(string folder) =>
        Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.EndsWith("AuditLabels.cs", StringComparison.Ordinal) && !f.EndsWith("Module.cs", StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .Where(text => text.Contains("audit", StringComparison.OrdinalIgnoreCase) || text.Contains("editor.SaveAsync", StringComparison.Ordinal) || text.Contains("editor.Audit", StringComparison.Ordinal))
            .SelectMany(text => System.Text.RegularExpressions.Regex.Matches(text, "\"([a-z][a-z-]*\\.[a-z][a-z-]*)\"").Select(m => m.Groups[1].Value))
            .Where(code => !System.Text.RegularExpressions.Regex.IsMatch(code, "\\.(pdf|ics|csv|xlsx|json|md|html|txt|eml|png|jpe?g|db|zip|vtt|mp4|webp)$"))
            .Distinct();

    [Fact]
    public async Task The_admin_page_enables_a_plugin_for_a_territory()
    {
        var browser = await factory.ClientAsCookieAsync(DemoAccounts.RegionAdmin);
        var response = await browser.SubmitFormAsync("/admin/modules", new() { ["moduleId"] = "comete", ["territoryId"] = "pithiviers", ["enabled"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/api/territories/pithiviers/comete/programme")).StatusCode);
    }

    [Fact]
    public async Task Bad_input_names_the_field_and_the_rule_and_changes_nothing()
    {
        var admin = await factory.ClientAsAsync(DemoAccounts.RegionAdmin);
        Task<int> Enablements() => factory.InScopeAsync(sp => sp.GetRequiredService<PlatformDbContext>().ModuleEnablements.CountAsync());
        var before = await Enablements();
        var unknown = await (await admin.PutAsJsonAsync("/api/admin/modules/network/territories/orleans", new { enabled = true })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("plugin-installe", unknown.GetProperty("rules")[0].GetProperty("rule").GetString());
        Assert.Equal("moduleId", unknown.GetProperty("rules")[0].GetProperty("field").GetString());
        var department = await (await admin.PutAsJsonAsync("/api/admin/modules/comete/territories/departement-18", new { enabled = true })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("territoryId", department.GetProperty("rules")[0].GetProperty("field").GetString());
        Assert.Equal(before, await Enablements());
    }

    [Fact]
    public async Task Only_the_Region_administrator_may_enable_or_read_the_audit()
    {
        await (await factory.CreateClient().PutAsJsonAsync("/api/admin/modules/comete/territories/cher", new { enabled = true })).JsonAsync(HttpStatusCode.Unauthorized);
        var coordinator = await factory.ClientAsAsync(DemoAccounts.CherCoordinator);
        await (await coordinator.PutAsJsonAsync("/api/admin/modules/comete/territories/cher", new { enabled = true })).JsonAsync(HttpStatusCode.Forbidden);
        await (await coordinator.GetAsync("/api/admin/audit")).JsonAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync("/api/territories/cher/comete/programme")).StatusCode);
        var page = await (await factory.ClientAsCookieAsync(DemoAccounts.CherCoordinator)).GetAsync("/admin/modules");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
    }

    [Fact]
    public async Task The_audit_log_is_append_only()
    {
        var admin = await factory.ClientAsAsync(DemoAccounts.RegionAdmin);
        await (await admin.PutAsJsonAsync("/api/admin/modules/comete/territories/orleans", new { enabled = true })).JsonAsync(HttpStatusCode.OK);
        await Assert.ThrowsAsync<InvalidOperationException>(() => factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PlatformDbContext>();
            var record = await db.AuditLog.FirstAsync();
            record.Details = "réécrit";
            return await db.SaveChangesAsync();
        }));
    }
}

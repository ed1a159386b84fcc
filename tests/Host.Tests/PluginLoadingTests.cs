using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SproHub.Host.Modularity;
using SproHub.Testing;
using Xunit;

namespace Host.Tests;

/// <summary>A plugins folder with COMETE and four faulty plugins: each is skipped with its reason, the platform starts.</summary>
public sealed class FaultyPluginsFactory : SproHubFactory
{
    public string PluginsPath { get; } = Path.Combine(Path.GetTempPath(), "sprohub-plugins", Guid.NewGuid().ToString("N"));

    public FaultyPluginsFactory()
    {
        var repoPlugins = PluginsFolder.Resolve(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        var testPlugins = Path.GetFullPath(Path.Combine(repoPlugins, "..", "artifacts", "test-plugins"));
        Copy(Path.Combine(repoPlugins, "comete"), Path.Combine(PluginsPath, "comete"));
        foreach (var name in new[] { "Broken", "Incompatible", "MissingDependency" })
            Copy(Path.Combine(testPlugins, name), Path.Combine(PluginsPath, name.ToLowerInvariant()));
        var corrupt = Directory.CreateDirectory(Path.Combine(PluginsPath, "corrupt")).FullName;
        File.WriteAllText(Path.Combine(corrupt, "Corrupt.deps.json"), "{}");
        File.WriteAllBytes(Path.Combine(corrupt, "Corrupt.dll"), [0x4d, 0x5a, 0x00, 0x01, 0x02]);
    }

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Plugins:Path"] = PluginsPath };

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}

public sealed class PluginLoadingTests(FaultyPluginsFactory factory) : IClassFixture<FaultyPluginsFactory>
{
    private InstalledModule Module(string id) => factory.Service<ModuleRegistry>().All.Single(m => m.Id == id);

    [Fact]
    public void A_plugin_that_throws_while_registering_is_skipped_with_its_reason()
    {
        var broken = Module("broken");
        Assert.Equal(ModuleState.Failed, broken.State);
        Assert.Contains("configuration impossible", broken.FailureReason);
    }

    [Fact]
    public void A_plugin_built_for_another_contract_version_is_refused_with_a_clear_message()
    {
        var incompatible = Module("incompatible");
        Assert.Equal(ModuleState.Failed, incompatible.State);
        Assert.Contains("Contrat incompatible", incompatible.FailureReason);
        Assert.Contains($"{SproHub.Shared.Modularity.SharedContract.Version.Major + 1}.0.0", incompatible.FailureReason);
    }

    [Fact]
    public void A_plugin_whose_dependency_is_missing_is_skipped()
    {
        var missing = Module("missing-dependency");
        Assert.Equal(ModuleState.Failed, missing.State);
        Assert.Contains("budgets-absent", missing.FailureReason);
    }

    [Fact]
    public void A_file_that_is_not_an_assembly_is_skipped()
    {
        var corrupt = Module("corrupt");
        Assert.Equal(ModuleState.Failed, corrupt.State);
        Assert.StartsWith("Chargement impossible", corrupt.FailureReason);
    }

    [Fact]
    public async Task The_platform_starts_anyway_and_the_good_plugin_works()
    {
        Assert.Equal(ModuleState.Loaded, Module("comete").State);
        var health = await factory.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var report = await health.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Degraded", report.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/api/territories/loir-et-cher/comete/programme")).StatusCode);
    }

    [Fact]
    public async Task The_Region_administrator_sees_each_failure_and_its_reason()
    {
        var admin = await factory.ClientAsAsync(DemoAccounts.RegionAdmin);
        var modules = await admin.GetFromJsonAsync<JsonElement>("/api/admin/modules");
        var failed = modules.EnumerateArray().Where(m => m.GetProperty("state").GetString() == "en échec").Select(m => m.GetProperty("id").GetString()).Order().ToList();
        Assert.Equal(["broken", "corrupt", "incompatible", "missing-dependency"], failed);
        var page = await (await factory.ClientAsCookieAsync(DemoAccounts.RegionAdmin)).GetStringAsync("/admin/modules");
        Assert.Contains("Contrat incompatible", page);
        Assert.Contains("budgets-absent", page);
        var health = await (await admin.GetAsync("/api/admin/modules/incompatible")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("en échec", health.GetProperty("state").GetString());
        Assert.Contains("Reconstruisez le plugin", health.GetProperty("failureReason").GetString());
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SproHub.Host.Modularity;
using SproHub.Testing;
using Xunit;

namespace Host.Tests;

/// <summary>
/// A plugins folder with COMETE, faulty plugins (each is skipped with its reason, the platform starts), an impostor
/// claiming COMETE's id from a folder that sorts first, and a plugin that loads but fails at run time.
/// </summary>
public sealed class FaultyPluginsFactory : SproHubFactory
{
    public string PluginsPath { get; } = Path.Combine(Path.GetTempPath(), "sprohub-plugins", Guid.NewGuid().ToString("N"));

    public FaultyPluginsFactory()
    {
        var repoPlugins = PluginsFolder.Resolve(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        var testPlugins = Path.GetFullPath(Path.Combine(repoPlugins, "..", "artifacts", "test-plugins"));
        Copy(Path.Combine(repoPlugins, "comete"), Path.Combine(PluginsPath, "comete"));
        foreach (var (name, folder) in new[] { ("Broken", "broken"), ("Incompatible", "incompatible"), ("MissingDependency", "missing-dependency"),
                     ("MissingAssembly", "missing-assembly"), ("Impostor", "a-doublon"), ("Throwing", "throwing") })
            Copy(Path.Combine(testPlugins, name), Path.Combine(PluginsPath, folder));
        var corrupt = Directory.CreateDirectory(Path.Combine(PluginsPath, "corrupt")).FullName;
        File.WriteAllText(Path.Combine(corrupt, "Corrupt.deps.json"), "{}");
        File.WriteAllBytes(Path.Combine(corrupt, "Corrupt.dll"), [0x4d, 0x5a, 0x00, 0x01, 0x02]);
    }

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Plugins:Path"] = PluginsPath,
        ["Logging:LogLevel:SproHub.Modules"] = "Information",
    };

    /// <summary>The module found in one folder of the plugins folder.</summary>
    public InstalledModule InFolder(string folder) => Service<ModuleRegistry>().All
        .Single(m => m.Source is { } source && Path.GetRelativePath(PluginsPath, source).Split(Path.DirectorySeparatorChar)[0] == folder);

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

/// <summary>One host started on the faulty plugins folder, shared by the test classes that read it.</summary>
[CollectionDefinition(Name)]
public sealed class FaultyPlugins : ICollectionFixture<FaultyPluginsFactory>
{
    public const string Name = "Faulty plugins";
}

[Collection(FaultyPlugins.Name)]
public sealed class PluginLoadingTests(FaultyPluginsFactory factory)
{
    private InstalledModule Module(string folder) => factory.InFolder(folder);

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
    public void A_file_that_is_not_an_assembly_is_skipped_naming_the_file_in_French()
    {
        var corrupt = Module("corrupt");
        Assert.Equal(ModuleState.Failed, corrupt.State);
        Assert.StartsWith("Chargement impossible", corrupt.FailureReason);
        Assert.Contains("Corrupt.dll n'est pas un assembly .NET lisible", corrupt.FailureReason);
        Assert.DoesNotContain("Unknown file format", corrupt.FailureReason);
    }

    [Fact]
    public void A_plugin_whose_folder_lacks_a_library_names_it_and_its_version_in_French()
    {
        var missing = Module("missing-assembly");
        Assert.Equal(ModuleState.Failed, missing.State);
        Assert.Contains("Dépendance introuvable : SproHub.TestPlugins.Absent 6.2.4.0", missing.FailureReason);
        Assert.DoesNotContain("Could not load", missing.FailureReason);
    }

    [Fact]
    public async Task A_plugin_refused_for_its_contract_keeps_the_version_it_was_built_against()
    {
        var admin = await factory.ClientAsAsync(DemoAccounts.RegionAdmin);
        var health = await (await admin.GetAsync("/api/admin/modules/incompatible")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal($"{SproHub.Shared.Modularity.SharedContract.Version.Major + 1}.0.0", health.GetProperty("contractVersion").GetString());
    }

    [Fact]
    public void The_start_up_log_counts_a_plugin_that_failed_while_registering_as_failed()
    {
        var registry = factory.Service<ModuleRegistry>();
        var modules = factory.Logs.Entries.Where(e => e.Category == "SproHub.Modules").Select(e => e.Message).ToList();
        var summary = Assert.Single(modules, m => m.Contains("en échec"));
        Assert.Contains($"{registry.Active.Count()} modules chargés ({registry.ActivePlugins.Count()} plugins)", summary);
        Assert.EndsWith($"{registry.All.Count(m => !m.IsActive)} en échec", summary);
        Assert.Contains(modules, m => m.StartsWith("Module broken non chargé"));
    }

    [Fact]
    public async Task An_impostor_claiming_an_id_never_displaces_the_plugin_whose_folder_carries_it()
    {
        Assert.Equal(ModuleState.Loaded, Module("comete").State);
        var impostor = Module("a-doublon");
        Assert.Equal(ModuleState.Failed, impostor.State);
        Assert.Contains("« comete »", impostor.FailureReason);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/api/territories/loir-et-cher/comete/programme")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/health")).StatusCode);

        var admin = await factory.ClientAsAsync(DemoAccounts.RegionAdmin);
        var candidates = (await admin.GetFromJsonAsync<JsonElement>("/api/admin/modules")).EnumerateArray()
            .Where(m => m.GetProperty("id").GetString() == "comete")
            .Select(m => (Folder: m.GetProperty("folder").GetString(), State: m.GetProperty("state").GetString())).OrderBy(c => c.Folder).ToList();
        Assert.Equal([("a-doublon", "en échec"), ("comete", "chargé")], candidates);
        var health = await (await admin.GetAsync("/api/admin/modules/comete")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("chargé", health.GetProperty("state").GetString());
        var page = WebUtility.HtmlDecode(await (await factory.ClientAsCookieAsync(DemoAccounts.RegionAdmin)).GetStringAsync("/admin/modules"));
        Assert.Contains("a-doublon", page);
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
        Assert.Equal(["broken", "comete", "corrupt", "incompatible", "missing-assembly", "missing-dependency"], failed);
        var page = await (await factory.ClientAsCookieAsync(DemoAccounts.RegionAdmin)).GetStringAsync("/admin/modules");
        Assert.Contains("Contrat incompatible", page);
        Assert.Contains("budgets-absent", page);
        var health = await (await admin.GetAsync("/api/admin/modules/incompatible")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("en échec", health.GetProperty("state").GetString());
        Assert.Contains("Reconstruisez le plugin", health.GetProperty("failureReason").GetString());
    }
}

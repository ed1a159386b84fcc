using System.Reflection;
using SproHub.Shared.Modularity;

namespace SproHub.Host.Modularity;

public enum ModuleState { Loaded, Failed }

/// <summary>One core module or plugin as the host found it, loaded or failed with the reason.</summary>
public sealed class InstalledModule
{
    public required string Id { get; init; }
    public required bool IsCore { get; init; }
    public ModuleManifest? Manifest { get; init; }
    public IModule? Module { get; init; }
    public Assembly? Assembly { get; init; }
    public string? Source { get; init; }
    /// <summary>For a plugin, the name of its folder in the plugins folder: the id's owner is told by it (see <see cref="DuplicateIds"/>).</summary>
    public string? Folder { get; init; }
    public TimeSpan LoadTime { get; init; }
    /// <summary>What registering its services took (start-up timeline).</summary>
    public TimeSpan RegistrationTime { get; set; }

    /// <summary>For a plugin, the Shared contract version it was compiled against.</summary>
    public Version? ContractVersion { get; init; }
    public ModuleState State { get; private set; } = ModuleState.Loaded;
    public string? FailureReason { get; private set; }

    public string DisplayName => Manifest?.DisplayName ?? Id;
    public bool IsActive => State == ModuleState.Loaded;

    public void Fail(string reason)
    {
        State = ModuleState.Failed;
        FailureReason = reason;
    }

    /// <summary>A plugin refused before its manifest was read: it goes by its folder's name.</summary>
    public static InstalledModule Failed(string folder, string? source, string reason, Version? contractVersion = null)
    {
        var module = new InstalledModule { Id = folder, IsCore = false, Folder = folder, Source = source, ContractVersion = contractVersion };
        module.Fail(reason);
        return module;
    }
}

/// <summary>Everything installed, in dependency order (core first). Built once at start-up.</summary>
public sealed class ModuleRegistry(IReadOnlyList<InstalledModule> modules)
{
    private readonly Dictionary<Assembly, InstalledModule> _byAssembly = modules
        .Where(m => m.Assembly is not null)
        .GroupBy(m => m.Assembly!).ToDictionary(g => g.Key, g => g.First());

    /// <summary>Every candidate found, failed ones included: two of them may claim one id, only one is ever active.</summary>
    public IReadOnlyList<InstalledModule> All { get; } = modules;

    /// <summary>The folder the plugins were looked for in.</summary>
    public string? PluginsPath { get; init; }
    public IEnumerable<InstalledModule> Active => All.Where(m => m.IsActive);
    public IEnumerable<InstalledModule> ActivePlugins => Active.Where(m => !m.IsCore);

    public InstalledModule? Find(string id) => All.FirstOrDefault(m => m.Id == id && m.IsActive);

    /// <summary>The module an id designates, loaded or failed: the active one, else the one whose folder carries the id.</summary>
    public InstalledModule? Describe(string id) => All.Where(m => m.Id == id)
        .OrderBy(m => m.IsActive ? 0 : 1).ThenBy(m => m.Folder == id ? 0 : 1).FirstOrDefault();
    /// <summary>The module owning an assembly, loaded or failed: a plugin that failed after loading stays gated.</summary>
    public InstalledModule? FindByAssembly(Assembly assembly) => _byAssembly.GetValueOrDefault(assembly);

    /// <summary>Any installed plugin, even one that failed: the gate must keep hiding its routes.</summary>
    public bool IsPlugin(string moduleId) => All.Any(m => m.Id == moduleId && !m.IsCore);

    public PermissionDeclaration? FindPermission(string permission) =>
        Active.SelectMany(m => m.Manifest!.Permissions).FirstOrDefault(p => p.Id == permission);

    public IEnumerable<(string ModuleName, SproHub.Shared.Notifications.NotificationKindDeclaration Declaration)> NotificationKinds() =>
        Active.SelectMany(m => m.Manifest!.Notifications.Select(k => (m.DisplayName, k)));
}

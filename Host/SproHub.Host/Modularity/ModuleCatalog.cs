using System.Diagnostics;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using McMaster.NETCore.Plugins;
using SproHub.Shared.Modularity;

namespace SproHub.Host.Modularity;

/// <summary>
/// Finds the core modules and the plugins, checks their manifests and dependencies.
/// A plugin that cannot be used is recorded as failed with its reason; it never stops the platform.
/// </summary>
public static class ModuleCatalog
{
    public static ModuleRegistry Discover(IEnumerable<IModule> coreModules, string pluginsPath, ILogger logger)
    {
        var found = new List<InstalledModule>();
        foreach (var core in coreModules)
            found.Add(new InstalledModule { Id = core.Manifest.Id, IsCore = true, Manifest = core.Manifest, Module = core, Assembly = core.GetType().Assembly });

        if (Directory.Exists(pluginsPath))
        {
            // Side by side: each plugin has a load context of its own, and most of a load is reading files and
            // metadata, so a second core loads the next one (docs/adr/0017). Kept in folder order.
            var folders = Directory.GetDirectories(pluginsPath).Order(StringComparer.Ordinal).ToArray();
            var loaded = new InstalledModule[folders.Length];
            Parallel.For(0, folders.Length, i => loaded[i] = LoadPlugin(folders[i], logger));
            found.AddRange(loaded);
        }
        else
        {
            logger.LogWarning("Dossier des plugins introuvable : {Path}", pluginsPath);
        }

        DuplicateIds.Resolve(found);
        CheckDependencies(found);
        // Failures and counts are logged once registration and routes are done (ModuleStartupReport): a plugin may still fail there.
        return new ModuleRegistry(DependencyOrder(found)) { PluginsPath = pluginsPath };
    }

    private static InstalledModule LoadPlugin(string folder, ILogger logger)
    {
        var folderName = Path.GetFileName(folder);
        // The plugin's main assembly is the one its build described with a .deps.json file.
        var deps = Directory.GetFiles(folder, "*.deps.json");
        if (deps.Length != 1)
            return InstalledModule.Failed(folderName, folder, $"Le dossier doit contenir exactement un assembly principal (*.deps.json), trouvé {deps.Length}.");
        var assemblyPath = Path.Combine(folder, Path.GetFileName(deps[0])[..^".deps.json".Length] + ".dll");
        var watch = Stopwatch.StartNew();
        Version? contract = null;
        // A refusal keeps what was read before it (the contract version), so the health page shows it beside the reason.
        InstalledModule Refused(string reason) => InstalledModule.Failed(folderName, assemblyPath, reason, contract);
        try
        {
            // Judged before loading: an assembly built against another contract may not even load.
            contract = ContractBuiltAgainst(assemblyPath);
            if (ContractProblem(contract) is { } problem) return Refused(problem);
            // PreferSharedTypes: the contract, MediatR, EF Core and ASP.NET types come from the host,
            // so the plugin's IModule is the host's IModule (otherwise nothing is found, silently).
            var assembly = FromHostDependencies(assemblyPath)
                ?? PluginLoader.CreateFromAssemblyFile(assemblyPath, config => config.PreferSharedTypes = true).LoadDefaultAssembly();
            var moduleTypes = assembly.GetTypes().Where(t => typeof(IModule).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false }).ToList();
            if (moduleTypes.Count != 1)
                return Refused($"L'assembly {assembly.GetName().Name} doit exposer exactement une classe IModule (trouvé {moduleTypes.Count}).");
            var module = (IModule)Activator.CreateInstance(moduleTypes[0])!;
            var manifest = module.Manifest;
            if (ManifestProblem(manifest) is { } invalid) return Refused(invalid);
            return new InstalledModule
            {
                Id = manifest.Id, IsCore = false, Manifest = manifest, Module = module, Assembly = assembly, Source = assemblyPath,
                Folder = folderName, LoadTime = watch.Elapsed, ContractVersion = contract,
            };
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogDebug(ex, "Échec du chargement de {Path}", assemblyPath);
            return Refused($"Chargement impossible : {PluginFailure.Describe(ex, assemblyPath)}");
        }
    }

    /// <summary>
    /// PreferSharedTypes applied to the plugin itself: when the host process already depends on that assembly
    /// (a test project referencing the plugin), use the host's copy so both see one set of types.
    /// </summary>
    private static Assembly? FromHostDependencies(string assemblyPath)
    {
        // A dependency of the host sits beside it; looking there is much cheaper than parsing the host's deps.json.
        var name = AssemblyName.GetAssemblyName(assemblyPath);
        var known = File.Exists(Path.Combine(AppContext.BaseDirectory, name.Name + ".dll"));
        return known ? System.Runtime.Loader.AssemblyLoadContext.Default.LoadFromAssemblyName(name) : null;
    }

    /// <summary>The version of SproHub.Shared the plugin was compiled against, read from its metadata; null when it does not reference it.</summary>
    private static Version? ContractBuiltAgainst(string assemblyPath)
    {
        using var pe = new PEReader(File.OpenRead(assemblyPath));
        // A native library has a PE image but no metadata: the same refusal as any file that is not an assembly.
        if (!pe.HasMetadata) throw new BadImageFormatException("Pas de métadonnées .NET.", assemblyPath);
        var metadata = pe.GetMetadataReader(); // throws on a file that is not an assembly: reported as such
        return metadata.AssemblyReferences.Select(metadata.GetAssemblyReference)
            .Where(r => metadata.GetString(r.Name) == SharedContract.AssemblyName)
            .Select(r => SharedContract.ThreeParts(r.Version)).FirstOrDefault();
    }

    private static string? ContractProblem(Version? built) => built switch
    {
        null => $"Le plugin ne référence pas le contrat {SharedContract.AssemblyName} : ce n'est pas un plugin SPRO Hub.",
        _ when SharedContract.IsCompatible(built) => null,
        _ => $"Contrat incompatible : construit pour la version {built} du contrat des plugins, la plateforme fournit la version {SharedContract.Version} " +
             $"(même version majeure, et mineure au plus {SharedContract.Version.Major}.{SharedContract.Version.Minor}). Reconstruisez le plugin contre ce contrat.",
    };

    /// <summary>The id becomes a route segment and a table prefix: lower-case letters, digits and dashes only.</summary>
    private static string? ManifestProblem(ModuleManifest? manifest) => manifest switch
    {
        null => "Le plugin ne fournit pas de manifeste.",
        { Id: var id } when string.IsNullOrEmpty(id) || !System.Text.RegularExpressions.Regex.IsMatch(id, "^[a-z][a-z0-9-]{1,40}$") =>
            $"Identifiant de module invalide « {id} » (lettres minuscules, chiffres et tirets).",
        { Version: null } => "Le manifeste doit indiquer la version du plugin.",
        { DisplayName: var name } when string.IsNullOrWhiteSpace(name) => "Le manifeste doit indiquer un nom en français.",
        _ => null,
    };

    private static void CheckDependencies(List<InstalledModule> modules)
    {
        // Repeat until stable: a plugin failing may make another one's dependency missing.
        bool changed;
        do
        {
            changed = false;
            var active = modules.Where(m => m.IsActive).Select(m => m.Id).ToHashSet();
            foreach (var module in modules.Where(m => m.IsActive))
            {
                var missing = module.Manifest!.DependsOn.Where(d => !active.Contains(d)).ToList();
                if (missing.Count == 0) continue;
                module.Fail($"Dépendance manquante : {string.Join(", ", missing)}.");
                changed = true;
            }
        } while (changed);
    }

    private static List<InstalledModule> DependencyOrder(List<InstalledModule> modules)
    {
        var ordered = new List<InstalledModule>();
        var placed = new HashSet<string>();
        var pending = modules.Where(m => m.IsActive).OrderBy(m => m.IsCore ? 0 : 1).ToList();
        while (pending.Count > 0)
        {
            var next = pending.FirstOrDefault(m => m.Manifest!.DependsOn.All(placed.Contains));
            if (next is null)
            {
                foreach (var cyclic in pending) cyclic.Fail("Dépendances circulaires.");
                break;
            }
            ordered.Add(next);
            placed.Add(next.Id);
            pending.Remove(next);
        }
        ordered.AddRange(modules.Where(m => !m.IsActive));
        return ordered;
    }
}

namespace SproHub.Host.Modularity;

/// <summary>
/// What the operator reads at start-up: each module that failed with its reason, then the counts. Written once every
/// module has registered its services and declared its routes, since a plugin may fail there too.
/// </summary>
public static class ModuleStartupReport
{
    public const string Category = "SproHub.Modules";

    public static void Log(ModuleRegistry registry, ILogger logger)
    {
        foreach (var failed in registry.All.Where(m => !m.IsActive))
            logger.LogError("Module {Id} non chargé{Folder} : {Reason}", failed.Id, failed.Folder is { } folder && folder != failed.Id ? $" (dossier {folder})" : "", failed.FailureReason);
        logger.LogInformation("{Count} modules chargés ({Plugins} plugins) depuis {Path}, {Failed} en échec",
            registry.Active.Count(), registry.ActivePlugins.Count(), registry.PluginsPath, registry.All.Count(m => !m.IsActive));
    }
}

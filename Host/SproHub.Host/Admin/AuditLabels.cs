namespace SproHub.Host.Admin;

/// <summary>
/// What each audit code means, in the words of the person reading the journal: the codes (« equipe.consultee »)
/// stay the stable keys of the records and of the API, people read the labels. Each module declares its own codes in
/// its manifest (<see cref="SproHub.Shared.Modularity.ModuleManifest.AuditActions"/>), so a new plugin needs nothing
/// here; a test holds every code the repository's modules write to a label.
/// </summary>
public static class AuditLabels
{
    public static IReadOnlyDictionary<string, string> Platform { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // Written by the platform itself, whatever the module of the entry.
        ["plugin.active"] = "Plugin activé dans un territoire",
        ["plugin.desactive"] = "Plugin désactivé dans un territoire",
        ["conservation.purge"] = "Données effacées au terme de leur conservation",
    };

    /// <summary>The label of a code; a code its module does not declare (or of a plugin removed since) reads as a generic action.</summary>
    public static string Of(Modularity.ModuleRegistry registry, string moduleId, string action) =>
        Platform.GetValueOrDefault(action) ?? registry.Describe(moduleId)?.Manifest?.AuditActions.GetValueOrDefault(action) ?? "Autre action enregistrée";
}

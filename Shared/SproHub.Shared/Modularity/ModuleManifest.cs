namespace SproHub.Shared.Modularity;

/// <summary>What a module or plugin says about itself; read by the host before anything runs.</summary>
public sealed record ModuleManifest
{
    /// <summary>Stable id, also the prefix of its tables and its route segment (<c>comete</c>).</summary>
    public required string Id { get; init; }
    public required string DisplayName { get; init; }
    public required Version Version { get; init; }
    public IReadOnlyList<string> DependsOn { get; init; } = [];
    public IReadOnlyList<PermissionDeclaration> Permissions { get; init; } = [];
    public IReadOnlyList<IndicatorDeclaration> Indicators { get; init; } = [];
    public IReadOnlyList<NavigationEntry> Navigation { get; init; } = [];

    /// <summary>Pages of the Région's level (outside any territory), linked in the header for those holding their permission; a path from the root.</summary>
    public IReadOnlyList<NavigationEntry> RegionNavigation { get; init; } = [];

    /// <summary>The kinds of notifications it sends; each person may turn the e-mail of each kind off.</summary>
    public IReadOnlyList<Notifications.NotificationKindDeclaration> Notifications { get; init; } = [];

    /// <summary>
    /// The audit codes it writes (<c>note.enregistree</c>), each with the French label the Région's journal shows:
    /// people read what was done, the code stays the key of the records and of the API.
    /// </summary>
    public IReadOnlyDictionary<string, string> AuditActions { get; init; } = new Dictionary<string, string>();
    public string? Description { get; init; }

    /// <summary>A Razor partial (path in the module's assembly) shown on a territory's page where the module is enabled.</summary>
    public string? TerritoryHomePartial { get; init; }

    /// <summary>Local SPROs (slugs) where the demo data enables this plugin; the Région enables it elsewhere.</summary>
    public IReadOnlyList<string> DemoTerritories { get; init; } = [];
}

/// <param name="Id">e.g. <c>comete.manage</c></param>
/// <param name="Label">French label shown to administrators.</param>
/// <param name="GrantedTo">Roles (see <see cref="Security.SproRoles"/>) that hold it in their territory.</param>
public sealed record PermissionDeclaration(string Id, string Label, IReadOnlyList<string> GrantedTo);

/// <param name="Code">Stable code within the module, e.g. <c>shows-broadcast</c>.</param>
public sealed record IndicatorDeclaration(string Code, string Label, string Unit)
{
    /// <summary>A count of people (young people followed, participants): below five it reads « &lt; 5 » wherever the
    /// platform shows or exports it, so that a small figure never points at someone.</summary>
    public bool CountsPeople { get; init; }

    /// <summary>The code of another indicator of the same module this one is divided by: the events add up a total (days
    /// waited), the dashboards show the average (days per situation examined), summed and divided again at every level.</summary>
    public string? AverageOver { get; init; }
}

/// <param name="Path">Relative to the territory: <c>comete</c> gives <c>/t/{territory}/comete</c>.</param>
/// <param name="RequiredPermission">Shown only to people holding it; null for everyone.</param>
public sealed record NavigationEntry(string Label, string Path, string? RequiredPermission = null, int Order = 100);

/// <summary>The modules and plugins active on this host, as their manifests declare them (the Indicators module reads their indicators).</summary>
public interface IModuleCatalog
{
    IReadOnlyList<ActiveModule> Active { get; }
}

/// <param name="IsPlugin">A territory initiative, enabled per territory (see <see cref="Territories.IModuleGate"/>).</param>
public sealed record ActiveModule(ModuleManifest Manifest, bool IsPlugin);

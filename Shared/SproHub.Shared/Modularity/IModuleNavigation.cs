namespace SproHub.Shared.Modularity;

/// <summary>The links the enabled modules contribute to the current territory (implemented by the host).</summary>
public interface IModuleNavigation
{
    IReadOnlyList<TerritoryLink> TerritoryLinks();

    /// <summary>The partials the enabled modules show on the current territory's page.</summary>
    IReadOnlyList<string> TerritoryHomePartials();
}

public sealed record TerritoryLink(string Label, string Href, string ModuleName);

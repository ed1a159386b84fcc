namespace SproHub.Shared.Modularity;

/// <summary>The links the enabled modules contribute to the current territory (implemented by the host).</summary>
public interface IModuleNavigation
{
    IReadOnlyList<TerritoryLink> TerritoryLinks();
}

public sealed record TerritoryLink(string Label, string Href, string ModuleName);

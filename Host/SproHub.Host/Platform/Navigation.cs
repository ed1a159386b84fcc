using SproHub.Host.Modularity;
using SproHub.Shared.Modularity;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Host.Platform;

/// <summary>The menu: contributed by the modules enabled in the current territory, filtered by permission.</summary>
public sealed class Navigation(ModuleRegistry registry, ITerritoryContext territory, IModuleGate gate, ICurrentUser user) : IModuleNavigation
{
    public TerritoryInfo? Territory => territory.Current;
    public ICurrentUser User => user;

    public IReadOnlyList<string> TerritoryHomePartials() => territory.Current is { } current
        ? registry.Active.Where(m => m.Manifest!.TerritoryHomePartial is not null && gate.IsEnabled(m.Id, current.Slug)).Select(m => PluginViews.PathOf(m, m.Manifest!.TerritoryHomePartial!)).ToList()
        : [];

    /// <summary>The Région-level pages the person may open (the side-by-side budgets, the meetings' cadence...).</summary>
    public IReadOnlyList<TerritoryLink> RegionLinks() => registry.Active
        .SelectMany(m => m.Manifest!.RegionNavigation.Select(n => (Module: m, Entry: n)))
        .Where(x => x.Entry.RequiredPermission is null || user.Can(x.Entry.RequiredPermission))
        .OrderBy(x => x.Entry.Order).ThenBy(x => x.Entry.Label)
        .Select(x => new TerritoryLink(x.Entry.Label, $"/{x.Entry.Path}", x.Module.DisplayName))
        .ToList();

    public IReadOnlyList<TerritoryLink> TerritoryLinks()
    {
        if (territory.Current is not { } current) return [];
        return registry.Active
            .Where(m => gate.IsEnabled(m.Id, current.Slug))
            .SelectMany(m => m.Manifest!.Navigation.Select(n => (Module: m, Entry: n)))
            .Where(x => x.Entry.RequiredPermission is null || user.Can(x.Entry.RequiredPermission))
            .OrderBy(x => x.Entry.Order).ThenBy(x => x.Entry.Label)
            .Select(x => new TerritoryLink(x.Entry.Label, $"/t/{current.Slug}/{x.Entry.Path}", x.Module.DisplayName))
            .ToList();
    }
}

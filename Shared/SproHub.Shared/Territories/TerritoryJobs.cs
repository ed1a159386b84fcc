using Microsoft.Extensions.DependencyInjection;

namespace SproHub.Shared.Territories;

/// <summary>Background work done territory by territory, each in its own scope whose queries see that territory only.</summary>
public static class TerritoryJobs
{
    /// <param name="enabledFor">Only where this plugin is enabled; null for every local SPRO (a disabled plugin keeps its data, purges run there too).</param>
    public static async Task<IReadOnlyList<T>> InEachLocalSproAsync<T>(IServiceScopeFactory scopes, string? enabledFor, Func<IServiceProvider, Task<T>> work,
        CancellationToken cancellationToken)
    {
        using var root = scopes.CreateScope();
        var territories = await root.ServiceProvider.GetRequiredService<ITerritoryDirectory>().ListAsync(cancellationToken);
        var gate = root.ServiceProvider.GetRequiredService<IModuleGate>();
        var results = new List<T>();
        foreach (var territory in territories.Where(t => t.Kind == TerritoryKind.LocalSpro && (enabledFor is null || gate.IsEnabled(enabledFor, t.Slug))))
        {
            using var scope = scopes.CreateScope();
            scope.ServiceProvider.GetRequiredService<ITerritoryContext>().Enter(territory);
            results.Add(await work(scope.ServiceProvider));
        }
        return results;
    }
}

using SproHub.Budgets;
using SproHub.Governance;
using SproHub.Indicators;
using SproHub.Network;
using SproHub.Shared.Modularity;

namespace SproHub.Host;

/// <summary>The core modules, compiled in and always enabled. Plugins are never listed here.</summary>
public static class CoreModules
{
    public static IReadOnlyList<IModule> All() => [new NetworkModule(), new GovernanceModule(), new BudgetsModule(), new IndicatorsModule()];
}

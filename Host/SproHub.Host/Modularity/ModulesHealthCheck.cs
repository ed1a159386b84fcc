using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SproHub.Host.Modularity;

/// <summary>Plugins that failed to load make the platform degraded, never down.</summary>
public sealed class ModulesHealthCheck(ModuleRegistry registry) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var failed = registry.All.Where(m => !m.IsActive).ToList();
        // Several refused candidates may claim one id: one entry per id, each candidate's reason under its folder.
        var data = failed.GroupBy(m => m.Id).ToDictionary(g => g.Key, g => (object)(g.Count() == 1
            ? g.Single().FailureReason ?? ""
            : string.Join(" | ", g.Select(m => $"dossier {m.Folder} : {m.FailureReason}"))));
        var loaded = registry.Active.Count();
        return Task.FromResult(failed.Count == 0
            ? HealthCheckResult.Healthy($"{loaded} modules chargés.")
            : HealthCheckResult.Degraded($"{loaded} modules chargés, {failed.Count} en échec.", data: data));
    }
}

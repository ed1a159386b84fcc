using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using SproHub.Host.Platform.Data;
using SproHub.Shared.Territories;

namespace SproHub.Host.Modularity;

/// <summary>
/// Which plugin is enabled where. Read from the database and kept a few seconds, so several hosts
/// side by side agree within that delay; a change made on this host is seen at once.
/// </summary>
public sealed class ModuleGate(ModuleRegistry registry, IServiceScopeFactory scopes, TimeProvider clock) : IModuleGate
{
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(5);
    private volatile Snapshot? _snapshot;
    private readonly Lock _refresh = new();

    private sealed record Snapshot(HashSet<(string Module, string Territory)> Enabled, DateTimeOffset LoadedAt);

    public bool IsEnabled(string moduleId, string territoryId)
    {
        var module = registry.Find(moduleId);
        if (module is null) return false;
        if (module.IsCore) return true;
        return Current().Enabled.Contains((moduleId, territoryId));
    }

    public void Invalidate() => _snapshot = null;

    private Snapshot Current()
    {
        var snapshot = _snapshot;
        if (snapshot is not null && clock.GetUtcNow() - snapshot.LoadedAt < Freshness) return snapshot;
        lock (_refresh) // one refresh at a time; the others wait for it rather than all querying
        {
            snapshot = _snapshot;
            if (snapshot is not null && clock.GetUtcNow() - snapshot.LoadedAt < Freshness) return snapshot;
            return _snapshot = Load();
        }
    }

    private Snapshot Load()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var rows = db.ModuleEnablements.AsNoTracking().Where(e => e.Enabled).Select(e => new { e.ModuleId, e.TerritoryId }).ToList();
        return new Snapshot(rows.Select(r => (r.ModuleId, r.TerritoryId)).ToHashSet(), clock.GetUtcNow());
    }
}

/// <summary>The territory of the current request or unit of background work (scoped).</summary>
public sealed class TerritoryContext : ITerritoryContext
{
    public TerritoryInfo? Current { get; private set; }
    public void Enter(TerritoryInfo territory) => Current = territory;
}

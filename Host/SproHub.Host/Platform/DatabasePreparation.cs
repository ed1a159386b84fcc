using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SproHub.Host.Modularity;
using SproHub.Host.Platform.Data;
using SproHub.Shared.Data;

namespace SproHub.Host.Platform;

public static class DatabasePreparation
{
    /// <summary>
    /// Applies migrations in dependency order (platform, core, then plugins), then reference data,
    /// then demo data when <c>DemoData:Enabled</c>, under the database's preparation lock: any number of hosts may
    /// start together, one prepares while the others wait, then find everything done. A plugin whose migration
    /// fails is marked failed.
    /// </summary>
    public static Task PrepareDatabaseAsync(this WebApplication app, CancellationToken cancellationToken = default) =>
        PrepareDatabaseAsync(app.Services, app.Logger, _ => { }, cancellationToken);

    public static async Task PrepareDatabaseAsync(IServiceProvider root, ILogger logger, Action<string> report, CancellationToken cancellationToken = default)
    {
        var configuration = root.GetRequiredService<IConfiguration>();
        var settings = DatabaseSettings.From(configuration);
        var lockTimeout = TimeSpan.FromSeconds(configuration.GetValue("Database:PreparationLockSeconds", 300.0));
        report("Attente du verrou de préparation de la base de données (un autre hôte la prépare peut-être)");
        await using var preparation = await PreparationLock.AcquireAsync(settings, lockTimeout, logger, cancellationToken);
        await preparation.ClearStaleMigrationLockAsync(settings, logger, cancellationToken);
        var registry = root.GetRequiredService<ModuleRegistry>();
        var ledger = root.GetRequiredService<MigrationLedger>();
        await ledger.EnableWriteAheadLogAsync(cancellationToken);
        // Up to date (every start but the first after an upgrade): no EF Core on the way to the first answer.
        var pending = await ledger.PendingAsync(cancellationToken);
        if (pending.Count > 0)
        {
            report("Migrations en cours : " + string.Join(", ", pending.Keys));
            await MigrateAndSeedReferenceDataAsync(root, registry, pending, logger, cancellationToken);
        }

        report("Données de démonstration");
        await SeedDemoDataAsync(root, cancellationToken);
        report("Clé de protection des données");
        CreateDataProtectionKey(root);
    }

    /// <summary>
    /// The key that protects cookies and antiforgery tokens is made before the first request rather than by it:
    /// two first requests at once could otherwise each make one and refuse the other's form.
    /// </summary>
    private static void CreateDataProtectionKey(IServiceProvider root) =>
        root.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>().CreateProtector("SproHub.Start").Protect("ready"u8.ToArray());

    private static async Task MigrateAndSeedReferenceDataAsync(IServiceProvider root, ModuleRegistry registry, IReadOnlyDictionary<string, int> pending,
        ILogger logger, CancellationToken cancellationToken)
    {
        var descriptors = root.GetServices<ModuleDbContextDescriptor>().ToList();
        using var scope = root.CreateScope();
        var services = scope.ServiceProvider;
        // Only what the ledger found pending: EF Core's own look at a history table that does not exist yet is logged as a failure.
        async Task MigrateAsync(string moduleId, Type contextType)
        {
            if (!pending.ContainsKey(moduleId)) return;
            var db = (DbContext)services.GetRequiredService(contextType);
            // EF Core reads the history before creating it, which a fresh PostgreSQL database logs as a failed command.
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
        }
        await MigrateAsync(PlatformDbContext.Id, typeof(PlatformDbContext));
        foreach (var module in registry.Active.ToList())
        {
            try
            {
                foreach (var descriptor in descriptors.Where(d => d.ModuleId == module.Id))
                    await MigrateAsync(descriptor.ModuleId, descriptor.ContextType);
                await module.Module!.SeedReferenceDataAsync(services, cancellationToken);
            }
            catch (Exception ex) when (!module.IsCore)
            {
                module.Fail($"Migration impossible : {ex.Message}");
                logger.LogError(ex, "Plugin {Id} : migration en échec", module.Id);
            }
        }
    }

    /// <summary>Reference data then demo data again, on migrated tables (tests reset the data between cases).</summary>
    public static async Task SeedAsync(IServiceProvider root, CancellationToken cancellationToken = default)
    {
        foreach (var module in root.GetRequiredService<ModuleRegistry>().Active.ToList())
        {
            using var scope = root.CreateScope();
            await module.Module!.SeedReferenceDataAsync(scope.ServiceProvider, cancellationToken);
        }
        await SeedDemoDataAsync(root, cancellationToken);
    }

    /// <summary>Demo data of every module and the demo's plugin enablements, when <c>DemoData:Enabled</c>. Idempotent.</summary>
    public static async Task SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        if (!configuration.GetValue("DemoData:Enabled", false)) return;
        var registry = services.GetRequiredService<ModuleRegistry>();
        foreach (var module in registry.Active.ToList())
        {
            // Each module seeds in its own scope: its territory context and change tracker are its own.
            using var scope = services.CreateScope();
            await module.Module!.SeedDemoDataAsync(scope.ServiceProvider, cancellationToken);
        }
        using (var scope = services.CreateScope())
            await SeedDemoEnablementsAsync(configuration, scope.ServiceProvider.GetRequiredService<PlatformDbContext>(), registry, cancellationToken);
        services.GetRequiredService<ModuleGate>().Invalidate();
    }

    /// <summary>
    /// Each plugin's manifest names the local SPROs where the demo enables it;
    /// <c>DemoData:Plugins:{id}</c> adds others (tests use it to enable a plugin elsewhere).
    /// </summary>
    private static async Task SeedDemoEnablementsAsync(IConfiguration configuration, PlatformDbContext db, ModuleRegistry registry, CancellationToken cancellationToken)
    {
        foreach (var plugin in registry.Active.Where(m => !m.IsCore))
        {
            var configured = configuration.GetSection($"DemoData:Plugins:{plugin.Id}").GetChildren().Select(c => c.Value!);
            foreach (var territory in plugin.Manifest!.DemoTerritories.Concat(configured).Distinct())
            {
                if (await db.ModuleEnablements.AnyAsync(e => e.ModuleId == plugin.Id && e.TerritoryId == territory, cancellationToken)) continue;
                db.ModuleEnablements.Add(new ModuleEnablement { ModuleId = plugin.Id, TerritoryId = territory, Enabled = true, ChangedAt = DateTimeOffset.UtcNow, ChangedBy = "données de démonstration" });
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}

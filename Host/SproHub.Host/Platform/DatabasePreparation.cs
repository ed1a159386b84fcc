using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SproHub.Host.Modularity;
using SproHub.Host.Platform.Data;
using SproHub.Shared.Data;

namespace SproHub.Host.Platform;

public static class DatabasePreparation
{
    /// <summary>
    /// Applies migrations in dependency order (platform, core, then plugins), then reference data,
    /// then demo data when <c>DemoData:Enabled</c>. A plugin whose migration fails is marked failed.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        var registry = app.Services.GetRequiredService<ModuleRegistry>();
        var descriptors = app.Services.GetServices<ModuleDbContextDescriptor>().ToList();
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;

        var platform = services.GetRequiredService<PlatformDbContext>();
        if (platform.Database.IsSqlite()) EnableWriteAheadLog(platform);
        await platform.Database.MigrateAsync(cancellationToken);

        foreach (var module in registry.Active.ToList())
        {
            try
            {
                foreach (var descriptor in descriptors.Where(d => d.ModuleId == module.Id))
                    await ((DbContext)services.GetRequiredService(descriptor.ContextType)).Database.MigrateAsync(cancellationToken);
                await module.Module!.SeedReferenceDataAsync(services, cancellationToken);
            }
            catch (Exception ex) when (!module.IsCore)
            {
                module.Fail($"Migration impossible : {ex.Message}");
                app.Logger.LogError(ex, "Plugin {Id} : migration en échec", module.Id);
            }
        }

        if (!app.Configuration.GetValue("DemoData:Enabled", false)) return;
        foreach (var module in registry.Active.ToList())
            await module.Module!.SeedDemoDataAsync(services, cancellationToken);
        await SeedDemoEnablementsAsync(app.Configuration, platform, registry, cancellationToken);
    }

    private static void EnableWriteAheadLog(DbContext db)
    {
        var path = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        if (!string.IsNullOrEmpty(Path.GetDirectoryName(path))) Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        db.Database.OpenConnection();
        try { db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;"); }
        finally { db.Database.CloseConnection(); }
    }

    /// <summary><c>DemoData:Plugins:{id}</c> lists the territories where the demo enables each plugin.</summary>
    private static async Task SeedDemoEnablementsAsync(IConfiguration configuration, PlatformDbContext db, ModuleRegistry registry, CancellationToken cancellationToken)
    {
        foreach (var plugin in configuration.GetSection("DemoData:Plugins").GetChildren())
        {
            if (registry.Find(plugin.Key) is not { IsCore: false }) continue;
            foreach (var territory in plugin.GetChildren().Select(c => c.Value!))
            {
                if (await db.ModuleEnablements.AnyAsync(e => e.ModuleId == plugin.Key && e.TerritoryId == territory, cancellationToken)) continue;
                db.ModuleEnablements.Add(new ModuleEnablement { ModuleId = plugin.Key, TerritoryId = territory, Enabled = true, ChangedAt = DateTimeOffset.UtcNow, ChangedBy = "données de démonstration" });
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using SproHub.Shared.Modularity;

namespace SproHub.Shared.Data;

/// <summary>Describes a module's DbContext so the host can migrate it and drain its outbox.</summary>
public sealed record ModuleDbContextDescriptor(string ModuleId, Type ContextType);

public static class ModuleDbContextRegistration
{
    /// <summary>
    /// Registers a module's own DbContext on the shared database: its own migrations history table,
    /// the migrations of the configured provider only, and version bumps for optimistic concurrency.
    /// </summary>
    public static IServiceCollection AddModuleDbContext<TContext>(this IServiceCollection services, ModuleContext module)
        where TContext : DbContext
    {
        var settings = DatabaseSettings.From(module.Configuration);
        services.AddDbContext<TContext>(options => Configure(options, settings, module.ModuleId));
        services.AddSingleton(new ModuleDbContextDescriptor(module.ModuleId, typeof(TContext)));
        return services;
    }

    /// <summary>Each module keeps its own migrations history table.</summary>
    public static string HistoryTable(string moduleId) => $"__ef_migrations_{moduleId.Replace('-', '_')}";

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, DatabaseSettings settings, string moduleId)
    {
        var historyTable = HistoryTable(moduleId);
        _ = settings.Provider switch
        {
            DatabaseProvider.Postgres => options.UseNpgsql(settings.ConnectionString, o => o.MigrationsHistoryTable(historyTable)),
            _ => options.UseSqlite(settings.ConnectionString, o => o.MigrationsHistoryTable(historyTable)),
        };
#pragma warning disable EF1001 // MigrationsAssembly is the documented extension point for per-provider migrations.
        options.ReplaceService<IMigrationsAssembly, ProviderMigrationsAssembly>();
#pragma warning restore EF1001
        options.AddInterceptors(VersionInterceptor.Instance);
        return options;
    }
}

using Microsoft.EntityFrameworkCore;

namespace SproHub.Shared.Data;

/// <summary>
/// Options for <c>dotnet ef migrations add</c>: the provider comes from <c>SPRO_EF_PROVIDER</c>
/// (Sqlite or Postgres) and the output folder must match it (<c>Data/Migrations/{Provider}</c>).
/// </summary>
public static class DesignTime
{
    public static DbContextOptions<TContext> Options<TContext>(string moduleId) where TContext : DbContext
    {
        var provider = Enum.Parse<DatabaseProvider>(Environment.GetEnvironmentVariable("SPRO_EF_PROVIDER") ?? "Sqlite", ignoreCase: true);
        var settings = new DatabaseSettings(provider, provider == DatabaseProvider.Postgres
            ? "Host=localhost;Database=sprohub_design;Username=design"
            : "Data Source=design-time.db");
        var builder = new DbContextOptionsBuilder<TContext>();
        ModuleDbContextRegistration.Configure(builder, settings, moduleId);
        return builder.Options;
    }
}

/// <summary>A territory context with no territory, for design time and Région-wide work.</summary>
public sealed class NoTerritory : Territories.ITerritoryContext
{
    public Territories.TerritoryInfo? Current { get; private set; }
    public void Enter(Territories.TerritoryInfo territory) => Current = territory;
}

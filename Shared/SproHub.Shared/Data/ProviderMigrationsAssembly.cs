#pragma warning disable EF1001 // Internal EF Core API: the supported way to keep both providers' migrations in one assembly.
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Internal;

namespace SproHub.Shared.Data;

/// <summary>
/// Each module keeps its migrations per provider (<c>Data/Migrations/Sqlite</c>, <c>Data/Migrations/Postgres</c>)
/// in one assembly; this shows EF only the folder of the provider in use.
/// </summary>
public sealed class ProviderMigrationsAssembly : MigrationsAssembly
{
    private readonly string _folder;
    private readonly Type _contextType;

    public ProviderMigrationsAssembly(
        ICurrentDbContext currentContext,
        IDbContextOptions options,
        IMigrationsIdGenerator idGenerator,
        IDiagnosticsLogger<DbLoggerCategory.Migrations> logger)
        : base(currentContext, options, idGenerator, logger)
    {
        _contextType = currentContext.Context.GetType();
        _folder = currentContext.Context.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true
            ? ".Migrations.Postgres"
            : ".Migrations.Sqlite";
    }

    private bool InFolder(TypeInfo type) => type.Namespace?.EndsWith(_folder, StringComparison.Ordinal) == true;

    public override IReadOnlyDictionary<string, TypeInfo> Migrations =>
        base.Migrations.Where(m => InFolder(m.Value)).ToDictionary(m => m.Key, m => m.Value);

    public override ModelSnapshot? ModelSnapshot
    {
        get
        {
            var snapshotType = Assembly.DefinedTypes
                .FirstOrDefault(t => !t.IsAbstract && t.IsSubclassOf(typeof(ModelSnapshot)) && InFolder(t)
                    && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == _contextType);
            return snapshotType is null ? null : (ModelSnapshot)Activator.CreateInstance(snapshotType.AsType())!;
        }
    }

}

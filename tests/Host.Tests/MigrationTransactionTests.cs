using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using SproHub.Host.Platform.Data;
using SproHub.Shared.Data;
using SproHub.Testing;
using Xunit;

namespace Host.Tests;

/// <summary>
/// A migration runs in one transaction, so a crash at any moment leaves it applied or not at all. Some operations
/// (on SQLite, changing a primary key rebuilds the table between two « PRAGMA foreign_keys ») make EF run part of it
/// outside: none of the platform's migrations may contain one.
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed class MigrationTransactionTests(SproHubFactory factory)
{
    [Fact]
    public async Task Every_migration_of_every_module_runs_whole_in_its_transaction()
    {
        var outside = await factory.InScopeAsync(services =>
        {
            var contexts = services.GetServices<ModuleDbContextDescriptor>().Select(d => (DbContext)services.GetRequiredService(d.ContextType))
                .Append(services.GetRequiredService<PlatformDbContext>()).ToList();
            Assert.True(contexts.Count >= 5, "le contexte de la plateforme et ceux des modules");
            var found = new List<string>();
            foreach (var db in contexts)
            {
                var migrations = db.GetService<IMigrationsAssembly>();
                var generator = db.GetService<IMigrationsSqlGenerator>();
                var model = db.GetService<IDesignTimeModel>().Model;
                foreach (var (id, type) in migrations.Migrations)
                {
                    var migration = migrations.CreateMigration(type, db.Database.ProviderName!);
                    if (generator.Generate(migration.UpOperations, model).Any(c => c.TransactionSuppressed))
                        found.Add($"{db.GetType().Name} : {id}");
                }
            }
            return Task.FromResult(found);
        });

        Assert.True(outside.Count == 0, "Migrations exécutées en partie hors transaction : " + string.Join(", ", outside));
    }
}

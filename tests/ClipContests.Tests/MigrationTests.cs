using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SproHub.Plugins.ClipContests.Data;
using SproHub.Testing;
using Xunit;

namespace ClipContests.Tests;

/// <summary>
/// A model changed without its migration makes the host refuse the plugin (its pages and API then answer 404):
/// this says why, and what to run.
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed class MigrationTests(SproHubFactory factory)
{
    [Fact]
    public async Task The_model_and_its_migrations_agree()
    {
        var pending = await factory.InScopeAsync(services => Task.FromResult(services.GetRequiredService<ClipContestsDbContext>().Database.HasPendingModelChanges()));
        Assert.False(pending, "Le modèle a changé sans migration : scripts/add-migration.sh Plugins/ClipContests/SproHub.Plugins.ClipContests ClipContestsDbContext <NomDeLaMigration>");
    }
}

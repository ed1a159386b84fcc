using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using SproHub.Shared.Data;
using SproHub.Shared.Territories;
using SproHub.Testing;
using Xunit;

namespace Architecture.Tests;

/// <summary>
/// Territory isolation by construction: in every module's and plugin's DbContext, as the host installs them, each entity
/// with a <c>TerritoryId</c> is filtered on the current territory (the query filter named
/// <see cref="TerritoryFilters.Key"/>, which <see cref="TerritoryDbContext"/> adds by itself) or says why every territory
/// sees it (<see cref="CrossTerritoryAttribute"/>). docs/adr/0007-territory-filters-by-convention.md.
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed class TerritoryIsolationTests(SproHubFactory factory)
{
    /// <summary>
    /// Every entity seen by all territories, on purpose; its reason is on the entity. A new one is a decision about who
    /// sees whose data: add it here with its <c>[CrossTerritory("why")]</c> and have it reviewed.
    /// </summary>
    private static readonly string[] CrossTerritory =
    [
        "platform: SproHub.Host.Platform.Data.ModuleEnablement",
        "platform: SproHub.Host.Platform.Data.AuditRecord",
        "platform: SproHub.Host.Notifications.NotificationRecord",
        "network: SproHub.Network.Structures.Structure",
        "network: SproHub.Network.Coordinators.CoordinatorDesignation",
        "network: SproHub.Network.Accounts.RoleAssignment",
        "indicators: SproHub.Indicators.Facts.MeetingFact",
        "indicators: SproHub.Indicators.Facts.CountFact",
        "indicators: SproHub.Indicators.Facts.CountTotal",
        "indicators: SproHub.Indicators.Facts.BudgetFact",
        "indicators: SproHub.Indicators.Cycle.Dashboard",
    ];

    [Fact]
    public void Every_territory_owned_entity_of_every_module_and_plugin_is_filtered_on_the_current_territory_or_says_why_not()
    {
        var models = InstalledModels();
        Assert.Contains(models, m => m.Module == "comete"); // the plugins are there, whichever they are

        var problems = models.SelectMany(m => TerritoryRule.Problems(m.Module, m.Model)).ToList();

        Assert.True(problems.Count == 0, "Isolation des territoires :\n" + string.Join('\n', problems));
        // The list is real: the modules do own territory data, most of it filtered.
        Assert.True(models.Sum(m => TerritoryRule.Filtered(m.Model).Count()) >= 30);
    }

    [Fact]
    public void The_entities_every_territory_sees_are_the_reviewed_ones()
    {
        var exempt = InstalledModels().SelectMany(m => TerritoryRule.Exempt(m.Model).Select(e => $"{m.Module}: {e.ClrType.FullName}")).ToList();

        Assert.True(CrossTerritory.Order().SequenceEqual(exempt.Order()),
            $"Entités vues de tous les territoires : {string.Join(", ", exempt.Except(CrossTerritory))} en plus, " +
            $"{string.Join(", ", CrossTerritory.Except(exempt))} en moins que la liste revue de {nameof(TerritoryIsolationTests)}.");
    }

    [Fact]
    public void The_variants_keep_their_own_territory_rule()
    {
        var models = InstalledModels().ToDictionary(m => m.Module, m => m.Model);

        // A local SPRO also sees the regional specification, and its department's envelopes.
        Assert.Contains("\"region\"", Filter(models["governance"], "SproHub.Governance.Agreements.Agreement"));
        Assert.Contains("CurrentDepartmentId", Filter(models["budgets"], "SproHub.Budgets.Envelopes.Envelope"));
        // Everything else is the convention's: TerritoryId == CurrentTerritoryId.
        Assert.Contains("CurrentTerritoryId", Filter(models["governance"], "SproHub.Governance.Meetings.CadenceAlert"));
        Assert.Contains("CurrentTerritoryId", Filter(models["network"], "SproHub.Network.Agents.AgentCount"));
    }

    [Fact]
    public void The_rule_names_an_unfiltered_territory_owned_entity_and_a_stray_exemption()
    {
        using var connection = OpenDatabase();
        using var db = new Unfiltered(new DbContextOptionsBuilder<Unfiltered>().UseSqlite(connection).Options);

        var problems = TerritoryRule.Problems("test", db.Model).ToList();

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains(typeof(Note).FullName!) && p.Contains("[CrossTerritory"));
        Assert.Contains(problems, p => p.Contains(typeof(Stray).FullName!) && p.Contains("sans TerritoryId"));
    }

    [Fact]
    public async Task The_convention_filters_each_query_on_its_context_s_territory()
    {
        using var connection = OpenDatabase();
        var options = new DbContextOptionsBuilder<Sample>().UseSqlite(connection).Options;
        await using (var setup = new Sample(options, In(null)))
        {
            await setup.Database.EnsureCreatedAsync();
            foreach (var territory in new[] { "cher", "indre", Sample.Region })
            {
                setup.Notes.Add(new Note { TerritoryId = territory });
                setup.Directory.Add(new Listed { TerritoryId = territory });
                setup.Specifications.Add(new Specification { TerritoryId = territory });
            }
            await setup.SaveChangesAsync();
        }

        // One model for the type, built once: each query reads its own context's territory.
        await using var cher = new Sample(options, In("cher"));
        await using var indre = new Sample(options, In("indre"));
        await using var nowhere = new Sample(options, In(null));
        Assert.Equal(new[] { "cher" }, await cher.Notes.Select(n => n.TerritoryId).ToListAsync());
        Assert.Equal(new[] { "indre" }, await indre.Notes.Select(n => n.TerritoryId).ToListAsync());
        Assert.Empty(await nowhere.Notes.ToListAsync()); // no territory: no territory-owned row
        Assert.Equal(3, await nowhere.Notes.IgnoreQueryFilters().CountAsync());
        Assert.Equal(3, await cher.Notes.IgnoreQueryFilters([TerritoryFilters.Key]).CountAsync());
        Assert.Equal(3, await cher.Directory.CountAsync()); // [CrossTerritory]
        Assert.Equal(new[] { "cher", Sample.Region }, (await cher.Specifications.Select(s => s.TerritoryId).ToListAsync()).Order());
        Assert.Empty(TerritoryRule.Problems("sample", cher.Model));
    }

    [Fact]
    public void The_convention_refuses_an_anonymous_filter_it_cannot_tell_from_a_territory_rule()
    {
        using var connection = OpenDatabase();
        using var db = new Anonymous(new DbContextOptionsBuilder<Anonymous>().UseSqlite(connection).Options, In("cher"));

        var refused = Assert.Throws<InvalidOperationException>(() => db.Model);

        Assert.Contains(typeof(Note).FullName!, refused.Message);
        Assert.Contains("HasTerritoryFilter", refused.Message);
    }

    private List<(string Module, IModel Model)> InstalledModels()
    {
        using var scope = factory.Services.CreateScope();
        return scope.ServiceProvider.GetServices<ModuleDbContextDescriptor>()
            .Select(d => (d.ModuleId, ((DbContext)scope.ServiceProvider.GetRequiredService(d.ContextType)).Model)).ToList();
    }

    private static string Filter(IModel model, string entity) =>
        model.GetEntityTypes().Single(e => e.ClrType.FullName == entity).FindDeclaredQueryFilter(TerritoryFilters.Key)!.Expression!.ToString();

    private static SqliteConnection OpenDatabase()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        return connection;
    }

    private static ITerritoryContext In(string? slug)
    {
        var context = new NoTerritory();
        if (slug is not null) context.Enter(new TerritoryInfo(slug, slug, TerritoryKind.LocalSpro, null, null));
        return context;
    }

    public sealed class Note
    {
        public int Id { get; set; }
        public required string TerritoryId { get; set; }
    }

    [CrossTerritory("Test: a directory every territory reads.")]
    public sealed class Listed
    {
        public int Id { get; set; }
        public required string TerritoryId { get; set; }
    }

    public sealed class Specification
    {
        public int Id { get; set; }
        public required string TerritoryId { get; set; }
    }

    [CrossTerritory("Test: marked, yet owned by no territory.")]
    public sealed class Stray
    {
        public int Id { get; set; }
    }

    /// <summary>A plugin's context as the template makes it.</summary>
    private sealed class Sample(DbContextOptions<Sample> options, ITerritoryContext territory) : TerritoryDbContext(options, territory)
    {
        public const string Region = "region";
        public DbSet<Note> Notes => Set<Note>();
        public DbSet<Listed> Directory => Set<Listed>();
        public DbSet<Specification> Specifications => Set<Specification>();

        protected override void OnModelCreating(ModelBuilder modelBuilder) =>
            modelBuilder.Entity<Specification>().HasTerritoryFilter(s => s.TerritoryId == CurrentTerritoryId || s.TerritoryId == Region);
    }

    /// <summary>A context that is no <see cref="TerritoryDbContext"/>: nothing filters its notes.</summary>
    private sealed class Unfiltered(DbContextOptions<Unfiltered> options) : DbContext(options)
    {
        public DbSet<Note> Notes => Set<Note>();
        public DbSet<Listed> Directory => Set<Listed>();
        public DbSet<Stray> Strays => Set<Stray>();
    }

    /// <summary>A hand-written filter as the contexts had before the convention.</summary>
    private sealed class Anonymous(DbContextOptions<Anonymous> options, ITerritoryContext territory) : TerritoryDbContext(options, territory)
    {
        public DbSet<Note> Notes => Set<Note>();

        protected override void OnModelCreating(ModelBuilder modelBuilder) =>
            modelBuilder.Entity<Note>().HasQueryFilter(n => n.TerritoryId == CurrentTerritoryId);
    }
}

/// <summary>The rule: an entity with a TerritoryId has the territory filter, or a reason every territory sees it; never both.</summary>
internal static class TerritoryRule
{
    public static IEnumerable<string> Problems(string module, IModel model)
    {
        foreach (var entity in model.GetEntityTypes().Where(e => !e.IsOwned()))
        {
            var name = $"{module}: {entity.ClrType.FullName}";
            var root = entity.GetRootType();
            var reason = TerritoryFilters.CrossTerritoryReason(root.ClrType);
            var filtered = root.FindDeclaredQueryFilter(TerritoryFilters.Key) is not null;
            if (entity.FindProperty(TerritoryFilters.PropertyName) is null)
            {
                if (TerritoryFilters.CrossTerritoryReason(entity.ClrType) is not null)
                    yield return $"{name} est marquée [CrossTerritory] sans TerritoryId : retirez la marque.";
                continue;
            }
            if (filtered && reason is not null)
                yield return $"{name} a un filtre de territoire et une marque [CrossTerritory] : choisissez.";
            else if (reason is not null && string.IsNullOrWhiteSpace(reason))
                yield return $"{name} est marquée [CrossTerritory] sans raison : dites pourquoi tous les territoires la voient.";
            else if (!filtered && reason is null)
                yield return $"{name} a un TerritoryId sans filtre de territoire : faites dériver son contexte de TerritoryDbContext " +
                    "(ou appelez AddTerritoryFilters), ou marquez-la [CrossTerritory(\"pourquoi tous les territoires la voient\")].";
        }
    }

    public static IEnumerable<IEntityType> Filtered(IModel model) =>
        model.GetEntityTypes().Where(e => e.BaseType is null && !e.IsOwned() && e.FindDeclaredQueryFilter(TerritoryFilters.Key) is not null);

    public static IEnumerable<IEntityType> Exempt(IModel model) =>
        model.GetEntityTypes().Where(e => e.BaseType is null && !e.IsOwned() && e.FindProperty(TerritoryFilters.PropertyName) is not null
            && TerritoryFilters.CrossTerritoryReason(e.ClrType) is not null);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SproHub.Plugins.OrientationModeEmploi.Notes;
using SproHub.Shared.Data;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.OrientationModeEmploi.Data;

/// <summary>The plugin's own tables (<c>mode_emploi_*</c>); every query sees only the current territory's rows.</summary>
public sealed class OrientationModeEmploiDbContext(DbContextOptions<OrientationModeEmploiDbContext> options, ITerritoryContext territory) : DbContext(options)
{
    public DbSet<Note> Notes => Set<Note>();

    /// <summary>Read by the query filter at each query; no territory (Région-wide or background work) sees nothing.</summary>
    private string? CurrentTerritoryId => territory.Current?.Slug;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Note>(b =>
        {
            b.ToTable("mode_emploi_notes");
            b.Property(n => n.TerritoryId).HasMaxLength(64);
            b.Property(n => n.Title).HasMaxLength(Note.TitleMaxLength);
            b.Property(n => n.Text).HasMaxLength(Note.TextMaxLength);
            b.Property(n => n.Author).HasMaxLength(200);
            b.HasIndex(n => new { n.TerritoryId, n.Date });
            b.HasQueryFilter(n => n.TerritoryId == CurrentTerritoryId);
        });
        modelBuilder.ApplySproConventions(OrientationModeEmploiModule.Id);
    }
}

/// <summary>For <c>scripts/add-migration.sh</c>: the model without a running host.</summary>
internal sealed class OrientationModeEmploiDesignTimeFactory : IDesignTimeDbContextFactory<OrientationModeEmploiDbContext>
{
    public OrientationModeEmploiDbContext CreateDbContext(string[] args) => new(DesignTime.Options<OrientationModeEmploiDbContext>(OrientationModeEmploiModule.Id), new NoTerritory());
}

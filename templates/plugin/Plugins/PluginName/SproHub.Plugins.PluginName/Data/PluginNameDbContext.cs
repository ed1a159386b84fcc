using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SproHub.Plugins.PluginName.Notes;
using SproHub.Shared.Data;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.PluginName.Data;

/// <summary>
/// The plugin's own tables (<c>plugin_id_*</c>). Every query sees only the current territory's rows: <see cref="TerritoryDbContext"/>
/// filters each entity with a <c>TerritoryId</c> by itself; one that every territory must see says why with
/// <c>[CrossTerritory("...")]</c> (docs/plugins.md, <i>Territory isolation</i>).
/// </summary>
public sealed class PluginNameDbContext(DbContextOptions<PluginNameDbContext> options, ITerritoryContext territory) : TerritoryDbContext(options, territory)
{
    public DbSet<Note> Notes => Set<Note>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Note>(b =>
        {
            b.ToTable("plugin_id_notes");
            b.Property(n => n.TerritoryId).HasMaxLength(64);
            b.Property(n => n.Title).HasMaxLength(Note.TitleMaxLength);
            b.Property(n => n.Text).HasMaxLength(Note.TextMaxLength);
            b.Property(n => n.Author).HasMaxLength(200);
            b.HasIndex(n => new { n.TerritoryId, n.Date });
        });
        modelBuilder.ApplySproConventions(PluginNameModule.Id);
    }
}

/// <summary>For <c>scripts/add-migration.sh</c>: the model without a running host.</summary>
internal sealed class PluginNameDesignTimeFactory : IDesignTimeDbContextFactory<PluginNameDbContext>
{
    public PluginNameDbContext CreateDbContext(string[] args) => new(DesignTime.Options<PluginNameDbContext>(PluginNameModule.Id), new NoTerritory());
}

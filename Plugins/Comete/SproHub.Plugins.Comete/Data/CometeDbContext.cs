using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SproHub.Plugins.Comete.Shows;
using SproHub.Shared.Data;
using SproHub.Shared.Territories;
using SeriesEntity = SproHub.Plugins.Comete.Series.ShowSeries;
using SpotBroadcast = SproHub.Plugins.Comete.Series.SpotBroadcast;

namespace SproHub.Plugins.Comete.Data;

/// <summary>COMETE's own tables (<c>comete_*</c>); every query sees only the current territory's rows.</summary>
public sealed class CometeDbContext(DbContextOptions<CometeDbContext> options, ITerritoryContext territory) : TerritoryDbContext(options, territory)
{
    public DbSet<SeriesEntity> Series => Set<SeriesEntity>();
    public DbSet<Show> Shows => Set<Show>();
    public DbSet<Replay> Replays => Set<Replay>();
    public DbSet<SpotBroadcast> SpotBroadcasts => Set<SpotBroadcast>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SeriesEntity>(b =>
        {
            b.ToTable("comete_series");
            b.Property(s => s.TerritoryId).HasMaxLength(64);
            b.Property(s => s.Name).HasMaxLength(200);
            b.Property(s => s.Station).HasMaxLength(200);
        });
        modelBuilder.Entity<Show>(b =>
        {
            b.ToTable("comete_shows");
            b.Property(s => s.TerritoryId).HasMaxLength(64);
            b.Property(s => s.Sector).HasMaxLength(200);
            b.Property(s => s.Title).HasMaxLength(300);
            b.Property(s => s.State).HasConversion<string>().HasMaxLength(20);
            b.HasIndex(s => new { s.TerritoryId, s.Date });
            b.HasOne<SeriesEntity>().WithMany().HasForeignKey(s => s.SeriesId);
            b.HasMany(s => s.Guests).WithOne().HasForeignKey(g => g.ShowId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(s => s.RunningOrder).WithOne().HasForeignKey(g => g.ShowId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(s => s.History).WithOne().HasForeignKey(g => g.ShowId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne(s => s.Replay).WithOne().HasForeignKey<Replay>(r => r.ShowId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Guest>(b =>
        {
            b.ToTable("comete_guests");
            // Ids are made by the domain: a new guest found in a tracked show is an insert, not an update.
            b.Property(g => g.Id).ValueGeneratedNever();
            b.Property(g => g.Name).HasMaxLength(200);
            b.Property(g => g.Organisation).HasMaxLength(200);
            b.Property(g => g.Role).HasConversion<string>().HasMaxLength(30);
        });
        modelBuilder.Entity<Segment>(b =>
        {
            b.ToTable("comete_running_order");
            b.Property(g => g.Id).ValueGeneratedNever();
            b.Property(g => g.Title).HasMaxLength(300);
            b.Property(g => g.Kind).HasConversion<string>().HasMaxLength(20);
        });
        modelBuilder.Entity<ShowHistoryEntry>(b =>
        {
            b.ToTable("comete_show_history");
            b.Property(h => h.Who).HasMaxLength(200);
            b.Property(h => h.What).HasMaxLength(500);
        });
        modelBuilder.Entity<Replay>(b =>
        {
            b.ToTable("comete_replays");
            b.HasKey(r => r.ShowId);
            b.Property(r => r.Url).HasMaxLength(2000);
            b.Property(r => r.LastProblem).HasMaxLength(500);
        });
        modelBuilder.Entity<SpotBroadcast>(b =>
        {
            b.ToTable("comete_spot_broadcasts");
            b.Property(s => s.TerritoryId).HasMaxLength(64);
            b.Property(s => s.Note).HasMaxLength(300);
            b.HasOne<SeriesEntity>().WithMany().HasForeignKey(s => s.SeriesId);
        });
        modelBuilder.ApplySproConventions(CometeModule.Id);
    }
}

internal sealed class CometeDesignTimeFactory : IDesignTimeDbContextFactory<CometeDbContext>
{
    public CometeDbContext CreateDbContext(string[] args) => new(DesignTime.Options<CometeDbContext>(CometeModule.Id), new NoTerritory());
}

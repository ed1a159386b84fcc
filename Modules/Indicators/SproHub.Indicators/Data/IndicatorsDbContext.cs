using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SproHub.Indicators.Facts;
using SproHub.Shared.Data;
using SproHub.Shared.Territories;

namespace SproHub.Indicators.Data;

/// <summary>
/// The facts the platform's events told (<c>indicators_*</c>), the forms' values and the dashboards. Facts are read
/// Région-wide on purpose by the rollups; every territory page filters by its territory explicitly.
/// </summary>
public sealed class IndicatorsDbContext(DbContextOptions<IndicatorsDbContext> options) : DbContext(options)
{
    public DbSet<MeetingFact> Meetings => Set<MeetingFact>();
    public DbSet<CountFact> Counts => Set<CountFact>();
    public DbSet<CountTotal> Totals => Set<CountTotal>();
    public DbSet<BudgetFact> Budgets => Set<BudgetFact>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<MeetingFact>(b =>
        {
            b.ToTable("indicators_meetings");
            b.HasKey(m => m.MeetingId);
            b.Property(m => m.MeetingId).ValueGeneratedNever();
            b.Property(m => m.TerritoryId).HasMaxLength(64);
            b.Property(m => m.MeetingType).HasMaxLength(40);
            b.Property(m => m.Subject).HasMaxLength(300);
            b.HasIndex(m => new { m.TerritoryId, m.Day });
        });
        modelBuilder.Entity<CountFact>(b =>
        {
            b.ToTable("indicators_counts");
            b.HasKey(c => c.EventId);
            b.Property(c => c.EventId).ValueGeneratedNever();
            b.Property(c => c.Code).HasMaxLength(100);
            b.Property(c => c.TerritoryId).HasMaxLength(64);
            b.Property(c => c.SourceId).HasMaxLength(100);
            b.Property(c => c.Delta).HasPrecision(14, 2);
            b.HasIndex(c => new { c.TerritoryId, c.Day, c.Code });
        });
        modelBuilder.Entity<CountTotal>(b =>
        {
            b.ToTable("indicators_totals");
            b.HasKey(x => new { x.TerritoryId, x.Code, x.Year });
            b.Property(x => x.TerritoryId).HasMaxLength(64);
            b.Property(x => x.Code).HasMaxLength(100);
            b.Property(x => x.Total).HasPrecision(16, 2);
        });
        modelBuilder.Entity<BudgetFact>(b =>
        {
            b.ToTable("indicators_budgets");
            b.HasKey(x => new { x.TerritoryId, x.Year });
            b.Property(x => x.TerritoryId).HasMaxLength(64);
            b.Property(x => x.Granted).HasPrecision(14, 2);
            b.Property(x => x.Paid).HasPrecision(14, 2);
            b.Property(x => x.Spent).HasPrecision(14, 2);
        });
        modelBuilder.ApplySproConventions(IndicatorsModule.Id);
    }
}

internal sealed class IndicatorsDesignTimeFactory : IDesignTimeDbContextFactory<IndicatorsDbContext>
{
    public IndicatorsDbContext CreateDbContext(string[] args) => new(DesignTime.Options<IndicatorsDbContext>(IndicatorsModule.Id));
}

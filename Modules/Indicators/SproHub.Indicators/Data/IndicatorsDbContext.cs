using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SproHub.Indicators.Cycle;
using SproHub.Indicators.Facts;
using SproHub.Shared.Data;
using SproHub.Shared.Territories;

namespace SproHub.Indicators.Data;

/// <summary>
/// The facts the platform's events told (<c>indicators_*</c>), the forms' values and the dashboards. Facts are read
/// Région-wide on purpose by the rollups; every territory page filters by its territory explicitly (each entity says why, with
/// <see cref="CrossTerritoryAttribute"/>).
/// </summary>
public sealed class IndicatorsDbContext(DbContextOptions<IndicatorsDbContext> options) : DbContext(options)
{
    public DbSet<MeetingFact> Meetings => Set<MeetingFact>();
    public DbSet<CountFact> Counts => Set<CountFact>();
    public DbSet<CountTotal> Totals => Set<CountTotal>();
    public DbSet<BudgetFact> Budgets => Set<BudgetFact>();
    public DbSet<Dashboard> Dashboards => Set<Dashboard>();

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
        modelBuilder.Entity<Dashboard>(b =>
        {
            b.ToTable("indicators_dashboards");
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.TerritoryId).HasMaxLength(64);
            b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(x => x.CorrectionReason).HasMaxLength(500);
            b.Property(x => x.CoordinatingStructure).HasMaxLength(200);
            b.Property(x => x.SubmittedBy).HasMaxLength(200);
            b.HasIndex(x => new { x.TerritoryId, x.Year }).IsUnique();
            b.HasMany(x => x.Values).WithOne().HasForeignKey(v => v.DashboardId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(x => x.Approved).WithOne().HasForeignKey(v => v.DashboardId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<FormValue>(b =>
        {
            b.ToTable("indicators_form_values");
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.Code).HasMaxLength(20);
            b.Property(x => x.Dimension).HasMaxLength(60);
            b.Property(x => x.Value).HasPrecision(10, 2);
            b.HasIndex(x => new { x.DashboardId, x.Code, x.Dimension }).IsUnique();
        });
        modelBuilder.Entity<ApprovedVersion>(b =>
        {
            b.ToTable("indicators_approved_versions");
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.CorrectionReason).HasMaxLength(500);
            b.Property(x => x.SubmittedBy).HasMaxLength(200);
            b.Property(x => x.ApprovedBy).HasMaxLength(200);
            b.Property(x => x.CoordinatingStructure).HasMaxLength(200);
            b.HasIndex(x => new { x.DashboardId, x.Number }).IsUnique();
        });
        modelBuilder.ApplySproConventions(IndicatorsModule.Id);
    }
}

internal sealed class IndicatorsDesignTimeFactory : IDesignTimeDbContextFactory<IndicatorsDbContext>
{
    public IndicatorsDbContext CreateDbContext(string[] args) => new(DesignTime.Options<IndicatorsDbContext>(IndicatorsModule.Id));
}

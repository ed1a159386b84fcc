using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SproHub.Budgets.Requests;
using SproHub.Shared.Data;
using SproHub.Shared.Territories;

namespace SproHub.Budgets.Data;

/// <summary>Budgets' own tables (<c>budgets_*</c>); every query sees only the current territory's rows.</summary>
public sealed class BudgetsDbContext(DbContextOptions<BudgetsDbContext> options, ITerritoryContext territory) : DbContext(options)
{
    public DbSet<FinancialAgreement> Agreements => Set<FinancialAgreement>();
    public DbSet<SubsidyRequest> Requests => Set<SubsidyRequest>();

    private string? CurrentTerritoryId => territory.Current?.Slug;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<FinancialAgreement>(b =>
        {
            b.ToTable("budgets_financial_agreements");
            b.Property(a => a.Id).ValueGeneratedNever();
            b.Property(a => a.TerritoryId).HasMaxLength(64);
            b.Property(a => a.CarrierName).HasMaxLength(200);
            b.HasIndex(a => new { a.TerritoryId, a.Year }).IsUnique();
            b.HasQueryFilter(a => a.TerritoryId == CurrentTerritoryId);
        });
        modelBuilder.Entity<SubsidyRequest>(b =>
        {
            b.ToTable("budgets_subsidy_requests");
            b.Property(r => r.Id).ValueGeneratedNever();
            b.Property(r => r.TerritoryId).HasMaxLength(64);
            b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(r => r.FiledBy).HasMaxLength(200);
            b.Property(r => r.LateAllowedBecause).HasMaxLength(500);
            b.Property(r => r.LateAllowedBy).HasMaxLength(200);
            b.HasIndex(r => r.AgreementId).IsUnique();
            b.HasOne<FinancialAgreement>().WithMany().HasForeignKey(r => r.AgreementId).OnDelete(DeleteBehavior.Restrict);
            b.HasMany(r => r.Lines).WithOne().HasForeignKey(l => l.RequestId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(r => r.Payments).WithOne().HasForeignKey(p => p.RequestId).OnDelete(DeleteBehavior.Restrict);
            b.HasQueryFilter(r => r.TerritoryId == CurrentTerritoryId);
        });
        modelBuilder.Entity<RequestLine>(b =>
        {
            b.ToTable("budgets_request_lines");
            b.Property(l => l.Id).ValueGeneratedNever();
            b.Property(l => l.Kind).HasConversion<string>().HasMaxLength(20);
            b.Property(l => l.Label).HasMaxLength(200);
            b.Property(l => l.Amount).HasPrecision(12, 2);
            b.Property(l => l.Granted).HasPrecision(12, 2);
        });
        modelBuilder.Entity<Payment>(b =>
        {
            b.ToTable("budgets_payments");
            b.Property(p => p.Id).ValueGeneratedNever();
            b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
            b.Property(p => p.Amount).HasPrecision(12, 2);
            b.Property(p => p.Reference).HasMaxLength(100);
            b.Property(p => p.RecordedBy).HasMaxLength(200);
        });
        modelBuilder.ApplySproConventions(BudgetsModule.Id);
    }
}

internal sealed class BudgetsDesignTimeFactory : IDesignTimeDbContextFactory<BudgetsDbContext>
{
    public BudgetsDbContext CreateDbContext(string[] args) => new(DesignTime.Options<BudgetsDbContext>(BudgetsModule.Id), new NoTerritory());
}

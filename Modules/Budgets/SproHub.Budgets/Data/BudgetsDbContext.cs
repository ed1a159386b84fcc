using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SproHub.Budgets.Amendments;
using SproHub.Budgets.Closure;
using SproHub.Budgets.Envelopes;
using SproHub.Budgets.Requests;
using SproHub.Budgets.Spending;
using SproHub.Shared.Errors;
using SproHub.Shared.Data;
using SproHub.Shared.Territories;

namespace SproHub.Budgets.Data;

/// <summary>Budgets' own tables (<c>budgets_*</c>); every query sees only the current territory's rows (the territory filter, by convention).</summary>
public sealed class BudgetsDbContext(DbContextOptions<BudgetsDbContext> options, ITerritoryContext territory) : TerritoryDbContext(options, territory)
{
    public DbSet<FinancialAgreement> Agreements => Set<FinancialAgreement>();
    public DbSet<SubsidyRequest> Requests => Set<SubsidyRequest>();
    public DbSet<Envelope> Envelopes => Set<Envelope>();

    private string? CurrentDepartmentId => Territory.Current?.ParentSlug;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<FinancialAgreement>(b =>
        {
            b.ToTable("budgets_financial_agreements");
            b.Property(a => a.Id).ValueGeneratedNever();
            b.Property(a => a.TerritoryId).HasMaxLength(64);
            b.Property(a => a.CarrierName).HasMaxLength(200);
            b.HasIndex(a => new { a.TerritoryId, a.Year }).IsUnique();
            b.HasMany(a => a.Amendments).WithOne().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<AgreementAmendment>(b =>
        {
            b.ToTable("budgets_agreement_amendments");
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.Reason).HasMaxLength(500);
            b.Property(x => x.RecordedBy).HasMaxLength(200);
            b.Property(x => x.ConsumptionRate).HasPrecision(7, 4);
            b.HasIndex(x => new { x.AgreementId, x.Number }).IsUnique();
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
            b.HasMany(r => r.Spending).WithOne().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Restrict);
            b.HasMany(r => r.Closed).WithOne().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Restrict);
            b.Property(r => r.ClosedBy).HasMaxLength(200);
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
        modelBuilder.Entity<SpendingEntry>(b =>
        {
            b.ToTable("budgets_spending");
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.Amount).HasPrecision(12, 2);
            b.Property(x => x.Label).HasMaxLength(200);
            b.Property(x => x.CorrectionReason).HasMaxLength(500);
            b.Property(x => x.RecordedBy).HasMaxLength(200);
            b.HasIndex(x => new { x.RequestId, x.SpentOn });
        });
        modelBuilder.Entity<ClosedLine>(b =>
        {
            b.ToTable("budgets_closed_lines");
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            b.Property(x => x.Label).HasMaxLength(200);
            b.Property(x => x.Granted).HasPrecision(12, 2);
            b.Property(x => x.Spent).HasPrecision(12, 2);
        });
        modelBuilder.Entity<Envelope>(b =>
        {
            b.ToTable("budgets_envelopes");
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.TerritoryId).HasMaxLength(64);
            b.Property(x => x.TerritoryName).HasMaxLength(200);
            b.Property(x => x.DepartmentCode).HasMaxLength(3);
            b.Property(x => x.Purpose).HasMaxLength(300);
            b.Property(x => x.Amount).HasPrecision(14, 2);
            b.Property(x => x.CarrierName).HasMaxLength(200);
            b.Property(x => x.RecordedBy).HasMaxLength(200);
            b.HasIndex(x => new { x.StartsOn, x.DepartmentCode });
            // A local SPRO sees its own envelopes and its department's.
            b.HasTerritoryFilter(x => x.TerritoryId == CurrentTerritoryId || x.TerritoryId == CurrentDepartmentId);
        });
        modelBuilder.ApplySproConventions(BudgetsModule.Id);
    }
}

internal static class BudgetsQueries
{
    /// <summary>A year's agreement of the current territory (404 otherwise) and its whole request, tracked for a change.</summary>
    public static async Task<(FinancialAgreement Agreement, SubsidyRequest? Request)> LoadYearAsync(this BudgetsDbContext db, int year, CancellationToken cancellationToken)
    {
        var agreement = await db.Agreements.Include(a => a.Amendments).FirstOrDefaultAsync(a => a.Year == year, cancellationToken)
                        ?? throw new NotFoundException($"Pas de convention financière {FinancialAgreement.YearLabel(year)} pour ce territoire.");
        var request = await db.Requests.Include(r => r.Lines).Include(r => r.Payments).Include(r => r.Spending).Include(r => r.Closed)
            .AsSplitQuery().FirstOrDefaultAsync(r => r.AgreementId == agreement.Id, cancellationToken);
        return (agreement, request);
    }

    /// <summary>The year's request about to change, checked against the version the caller saw; its row is rewritten so that
    /// a concurrent change of any of its parts (lines, payments, spending) answers 409.</summary>
    public static async Task<(FinancialAgreement Agreement, SubsidyRequest Request)> LoadRequestForChangeAsync(this BudgetsDbContext db, int year, int version, CancellationToken cancellationToken)
    {
        var (agreement, request) = await db.LoadYearAsync(year, cancellationToken);
        return (agreement, db.ForChange(request, version));
    }

    /// <summary>A loaded request about to change (see <see cref="LoadRequestForChangeAsync"/>), once the caller's rights are checked.</summary>
    public static SubsidyRequest ForChange(this BudgetsDbContext db, SubsidyRequest? request, int version)
    {
        if (request is null) throw new RuleViolationException("status", "demande-deposee", "Le porteur n'a pas encore fait de demande.");
        db.Entry(request).ExpectVersion(version);
        db.Entry(request).Property(s => s.UpdatedAt).IsModified = true;
        return request;
    }
}

internal sealed class BudgetsDesignTimeFactory : IDesignTimeDbContextFactory<BudgetsDbContext>
{
    public BudgetsDbContext CreateDbContext(string[] args) => new(DesignTime.Options<BudgetsDbContext>(BudgetsModule.Id), new NoTerritory());
}

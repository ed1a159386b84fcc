using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SproHub.Plugins.OrientationModeEmploi.Guide;
using SproHub.Plugins.OrientationModeEmploi.Questions;
using SproHub.Plugins.OrientationModeEmploi.Search;
using SproHub.Plugins.OrientationModeEmploi.Sheets;
using SproHub.Plugins.OrientationModeEmploi.Themes;
using SproHub.Shared.Data;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.OrientationModeEmploi.Data;

/// <summary>The guide's tables (<c>mode_emploi_*</c>); every query sees only the current territory's rows.</summary>
public sealed class OrientationModeEmploiDbContext(DbContextOptions<OrientationModeEmploiDbContext> options, ITerritoryContext territory) : TerritoryDbContext(options, territory)
{
    public DbSet<Theme> Themes => Set<Theme>();
    public DbSet<Question> Questions => Set<Question>();
    public DbSet<StructureSheet> Sheets => Set<StructureSheet>();
    public DbSet<UnansweredSearch> UnansweredSearches => Set<UnansweredSearch>();
    public DbSet<GuideStamp> GuideStamps => Set<GuideStamp>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Theme>(b =>
        {
            b.ToTable("mode_emploi_themes");
            b.Property(t => t.TerritoryId).HasMaxLength(64);
            b.Property(t => t.Name).HasMaxLength(Theme.NameMaxLength);
            b.HasIndex(t => new { t.TerritoryId, t.Name }).IsUnique();
        });
        modelBuilder.Entity<Question>(b =>
        {
            b.ToTable("mode_emploi_questions");
            b.Property(q => q.TerritoryId).HasMaxLength(64);
            b.Property(q => q.Text).HasMaxLength(Question.TextMaxLength);
            b.Property(q => q.Keywords).HasMaxLength(Question.KeywordsMaxLength);
            b.HasIndex(q => new { q.TerritoryId, q.ThemeId });
            b.HasOne<Theme>().WithMany().HasForeignKey(q => q.ThemeId).OnDelete(DeleteBehavior.Restrict);
            b.OwnsMany(q => q.Answerers, a =>
            {
                a.ToTable("mode_emploi_answerers");
                a.WithOwner().HasForeignKey(x => x.QuestionId);
                a.HasKey(x => x.Id);
                // Made by the domain: a new answerer in a tracked question is an insert, not an update.
                a.Property(x => x.Id).ValueGeneratedNever();
                a.Property(x => x.Role).HasConversion<string>().HasMaxLength(20);
                a.HasIndex(x => x.StructureId);
            });
            b.Ignore(q => q.Principal).Ignore(q => q.Secondary);
        });
        modelBuilder.Entity<StructureSheet>(b =>
        {
            b.ToTable("mode_emploi_sheets");
            b.Property(s => s.TerritoryId).HasMaxLength(64);
            b.Property(s => s.Answer).HasMaxLength(StructureSheet.AnswerMaxLength);
            b.Property(s => s.Modalities).HasMaxLength(StructureSheet.ModalitiesMaxLength);
            b.Property(s => s.Contact).HasMaxLength(StructureSheet.ContactMaxLength);
            b.HasIndex(s => new { s.TerritoryId, s.StructureId }).IsUnique();
        });
        modelBuilder.Entity<UnansweredSearch>(b =>
        {
            b.ToTable("mode_emploi_unanswered_searches");
            b.Property(s => s.TerritoryId).HasMaxLength(64);
            b.Property(s => s.Query).HasMaxLength(UnansweredSearch.QueryMaxLength);
            b.Property(s => s.LastTyped).HasMaxLength(UnansweredSearch.QueryMaxLength);
            b.HasIndex(s => new { s.TerritoryId, s.Query }).IsUnique();
        });
        modelBuilder.Entity<GuideStamp>(b =>
        {
            b.ToTable("mode_emploi_guide_stamps");
            b.HasKey(g => g.TerritoryId);
            b.Property(g => g.TerritoryId).HasMaxLength(64);
        });
        modelBuilder.ApplySproConventions(OrientationModeEmploiModule.Id);
    }

    /// <summary>A change to the guide (themes, questions and their structures, sheets) also changes its stamp.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var guideChanged = ChangeTracker.Entries().Any(e => e.Entity is Theme or Question or Answerer or StructureSheet
            && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted);
        if (guideChanged && CurrentTerritoryId is { } slug)
        {
            var stamp = await GuideStamps.FirstOrDefaultAsync(g => g.TerritoryId == slug, cancellationToken);
            if (stamp is null) GuideStamps.Add(stamp = new GuideStamp { TerritoryId = slug });
            stamp.Value = Guid.NewGuid();
        }
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }
}

/// <summary>For <c>scripts/add-migration.sh</c>: the model without a running host.</summary>
internal sealed class OrientationModeEmploiDesignTimeFactory : IDesignTimeDbContextFactory<OrientationModeEmploiDbContext>
{
    public OrientationModeEmploiDbContext CreateDbContext(string[] args) => new(DesignTime.Options<OrientationModeEmploiDbContext>(OrientationModeEmploiModule.Id), new NoTerritory());
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SproHub.Plugins.ClipContests.Clips;
using SproHub.Plugins.ClipContests.Editions;
using SproHub.Plugins.ClipContests.Jury;
using SproHub.Plugins.ClipContests.Projects;
using SproHub.Plugins.ClipContests.Teams;
using SproHub.Shared.Data;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.ClipContests.Data;

/// <summary>The plugin's own tables (<c>clips_*</c>); every query sees only the current territory's rows.</summary>
public sealed class ClipContestsDbContext(DbContextOptions<ClipContestsDbContext> options, ITerritoryContext territory) : TerritoryDbContext(options, territory)
{
    public DbSet<Edition> Editions => Set<Edition>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<Clip> Clips => Set<Clip>();
    public DbSet<ClipView> Views => Set<ClipView>();
    public DbSet<JuryMember> JuryMembers => Set<JuryMember>();
    public DbSet<Conflict> Conflicts => Set<Conflict>();
    public DbSet<Score> Scores => Set<Score>();
    public DbSet<Screening.Screening> Screenings => Set<Screening.Screening>();
    public DbSet<Questionnaire.Answer> Answers => Set<Questionnaire.Answer>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Edition>(b =>
        {
            b.ToTable("clips_editions");
            b.Property(e => e.TerritoryId).HasMaxLength(64);
            b.Property(e => e.Title).HasMaxLength(Edition.TitleMaxLength);
            b.Property(e => e.OpenedBy).HasMaxLength(200);
            b.HasIndex(e => new { e.TerritoryId, e.Year }).IsUnique();
            b.OwnsMany(e => e.Partners, p =>
            {
                p.ToJson("partners");
                p.Property(x => x.Role).HasConversion<string>();
            });
            b.OwnsMany(e => e.Criteria, c => c.ToJson("criteria"));
            b.OwnsMany(e => e.Prizes, p => p.ToJson("prizes"));
        });
        modelBuilder.Entity<Team>(b =>
        {
            b.ToTable("clips_teams");
            b.Property(t => t.TerritoryId).HasMaxLength(64);
            b.Property(t => t.Name).HasMaxLength(Team.NameMaxLength);
            b.Property(t => t.StructureName).HasMaxLength(200);
            b.Property(t => t.LeadEmail).HasMaxLength(256);
            b.Property(t => t.LeadName).HasMaxLength(200);
            b.HasIndex(t => new { t.EditionId, t.Name }).IsUnique();
            b.HasIndex(t => t.LeadEmail);
            b.HasOne<Edition>().WithMany().HasForeignKey(t => t.EditionId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(t => t.Participants).WithOne().HasForeignKey("TeamId").OnDelete(DeleteBehavior.Cascade);
            b.HasMany(t => t.Permissions).WithOne().HasForeignKey(p => p.TeamId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne(t => t.Clip).WithOne().HasForeignKey<Clip>(c => c.TeamId).OnDelete(DeleteBehavior.Cascade);
            b.OwnsOne(t => t.Project, p =>
            {
                p.Property(x => x.Job).HasMaxLength(Project.ShortMaxLength);
                p.Property(x => x.Theme).HasMaxLength(Edition.ThemeMaxLength);
                p.Property(x => x.Scenario).HasMaxLength(Project.ScenarioMaxLength);
                p.Property(x => x.FilmedPerson).HasMaxLength(Project.ShortMaxLength);
                p.Property(x => x.Workplace).HasMaxLength(Project.ShortMaxLength);
            });
            b.Navigation(t => t.Project).IsRequired();
        });
        modelBuilder.Entity<Participant>(b =>
        {
            b.ToTable("clips_participants");
            b.Property(p => p.Id).ValueGeneratedNever();
            b.Property(p => p.FirstName).HasMaxLength(Participant.NameMaxLength);
            b.Property(p => p.LastName).HasMaxLength(Participant.NameMaxLength);
            b.Property(p => p.ParentName).HasMaxLength(200);
        });
        modelBuilder.Entity<FilmingPermission>(b =>
        {
            b.ToTable("clips_permissions");
            b.Property(p => p.Id).ValueGeneratedNever();
            b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
            b.Property(p => p.SignedBy).HasMaxLength(FilmingPermission.SignedByMaxLength);
            b.Property(p => p.RecordedBy).HasMaxLength(200);
            b.HasIndex(p => new { p.TeamId, p.Kind }).IsUnique();
            b.OwnsOne(p => p.Document, File);
            b.Navigation(p => p.Document).IsRequired();
        });
        modelBuilder.Entity<Clip>(b =>
        {
            b.ToTable("clips_clips");
            b.Property(c => c.TerritoryId).HasMaxLength(64);
            b.Property(c => c.Description).HasMaxLength(Clip.DescriptionMaxLength);
            b.Property(c => c.VideoLink).HasMaxLength(Clip.LinkMaxLength);
            b.HasIndex(c => c.TeamId).IsUnique();
            b.HasIndex(c => new { c.TerritoryId, c.PublishedAt });
            b.OwnsOne(c => c.Video, File);
            b.OwnsOne(c => c.Poster, File);
            b.OwnsOne(c => c.Subtitles, File);
        });
        modelBuilder.Entity<ClipView>(b =>
        {
            b.ToTable("clips_views");
            b.HasKey(v => new { v.ClipId, v.Day, v.Visitor });
            b.Property(v => v.Visitor).HasMaxLength(64);
            b.HasOne<Clip>().WithMany().HasForeignKey(v => v.ClipId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<JuryMember>(b =>
        {
            b.ToTable("clips_jury_members");
            b.Property(m => m.Id).ValueGeneratedNever();
            b.Property(m => m.TerritoryId).HasMaxLength(64);
            b.Property(m => m.Email).HasMaxLength(256);
            b.Property(m => m.Name).HasMaxLength(200);
            b.HasIndex(m => new { m.EditionId, m.Email }).IsUnique();
            b.HasIndex(m => m.Email);
            b.HasOne<Edition>().WithMany().HasForeignKey(m => m.EditionId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Conflict>(b =>
        {
            b.ToTable("clips_conflicts");
            b.Property(c => c.Id).ValueGeneratedNever();
            b.Property(c => c.Reason).HasConversion<string>().HasMaxLength(20);
            b.Property(c => c.Note).HasMaxLength(Conflict.NoteMaxLength);
            b.HasIndex(c => new { c.JuryMemberId, c.TeamId }).IsUnique();
            b.HasOne<JuryMember>().WithMany().HasForeignKey(c => c.JuryMemberId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne<Team>().WithMany().HasForeignKey(c => c.TeamId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Score>(b =>
        {
            b.ToTable("clips_scores");
            b.Property(s => s.Id).ValueGeneratedNever();
            b.HasIndex(s => new { s.JuryMemberId, s.ClipId }).IsUnique();
            b.HasIndex(s => s.ClipId);
            b.HasOne<JuryMember>().WithMany().HasForeignKey(s => s.JuryMemberId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne<Clip>().WithMany().HasForeignKey(s => s.ClipId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Screening.Screening>(b =>
        {
            b.ToTable("clips_screenings");
            b.Property(s => s.TerritoryId).HasMaxLength(64);
            b.Property(s => s.Venue).HasMaxLength(Screening.Screening.VenueMaxLength);
            b.Ignore(s => s.StartsAt);
            b.HasIndex(s => s.EditionId).IsUnique();
            b.HasOne<Edition>().WithMany().HasForeignKey(s => s.EditionId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Questionnaire.Answer>(b =>
        {
            b.ToTable("clips_answers");
            b.Property(a => a.Id).ValueGeneratedNever();
            b.Property(a => a.Device).HasMaxLength(64);
            b.Property(a => a.Respondent).HasConversion<string>().HasMaxLength(20);
            b.Property(a => a.Comment).HasMaxLength(Questionnaire.Answer.CommentMaxLength);
            b.HasIndex(a => new { a.EditionId, a.Device }).IsUnique();
            b.HasOne<Edition>().WithMany().HasForeignKey(a => a.EditionId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.ApplySproConventions(ClipContestsModule.Id);
    }

    private static void File<TOwner>(Microsoft.EntityFrameworkCore.Metadata.Builders.OwnedNavigationBuilder<TOwner, AttachedFile> file) where TOwner : class
    {
        file.Property(f => f.FileName).HasMaxLength(200);
        file.Property(f => f.ContentType).HasMaxLength(100);
        file.Property(f => f.Sha256).HasMaxLength(64);
    }
}

/// <summary>For <c>scripts/add-migration.sh</c>: the model without a running host.</summary>
internal sealed class ClipContestsDesignTimeFactory : IDesignTimeDbContextFactory<ClipContestsDbContext>
{
    public ClipContestsDbContext CreateDbContext(string[] args) => new(DesignTime.Options<ClipContestsDbContext>(ClipContestsModule.Id), new NoTerritory());
}

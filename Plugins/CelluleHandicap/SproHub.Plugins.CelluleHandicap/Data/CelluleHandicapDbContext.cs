using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SproHub.Plugins.CelluleHandicap.Concertation;
using SproHub.Plugins.CelluleHandicap.Partners;
using SproHub.Plugins.CelluleHandicap.Privacy;
using SproHub.Plugins.CelluleHandicap.Reporting;
using SproHub.Plugins.CelluleHandicap.Sessions;
using SproHub.Plugins.CelluleHandicap.Situations;
using SproHub.Shared.Data;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.CelluleHandicap.Data;

/// <summary>
/// The cell's own tables (<c>cellule_*</c>); every query sees only the current territory's rows. Rows hanging off a
/// situation or a session are reached through their parent, which carries the territory.
/// </summary>
public sealed class CelluleHandicapDbContext(DbContextOptions<CelluleHandicapDbContext> options, ITerritoryContext territory) : TerritoryDbContext(options, territory)
{
    /// <summary>Sealed values are base64 of the JSON plus 28 bytes, with a short prefix.</summary>
    private const int SealedMaxLength = 12_000;

    public DbSet<Partner> Partners => Set<Partner>();
    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();
    public DbSet<Situation> Situations => Set<Situation>();
    public DbSet<PartnerInput> PartnerInputs => Set<PartnerInput>();
    public DbSet<Examination> Examinations => Set<Examination>();
    public DbSet<FollowUp> FollowUps => Set<FollowUp>();
    public DbSet<SituationRead> Reads => Set<SituationRead>();
    public DbSet<PurgeReport> PurgeReports => Set<PurgeReport>();
    public DbSet<TerritorialIssue> Issues => Set<TerritorialIssue>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Partner>(b =>
        {
            b.ToTable("cellule_partners");
            b.Property(p => p.TerritoryId).HasMaxLength(64);
            b.Property(p => p.Name).HasMaxLength(200);
            b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(30);
            b.HasMany(p => p.Unavailabilities).WithOne().HasForeignKey("PartnerId").OnDelete(DeleteBehavior.Cascade);
            b.HasMany(p => p.Representatives).WithOne().HasForeignKey("PartnerId").OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Unavailability>(b =>
        {
            b.ToTable("cellule_unavailabilities");
            b.Property(u => u.Id).ValueGeneratedNever();
            b.Property(u => u.Part).HasConversion<string>().HasMaxLength(20);
        });
        modelBuilder.Entity<Representative>(b =>
        {
            b.ToTable("cellule_representatives");
            b.Property(r => r.Id).ValueGeneratedNever();
            b.Property(r => r.Email).HasMaxLength(256);
            b.Property(r => r.Name).HasMaxLength(200);
            b.HasIndex(r => r.Email);
        });
        modelBuilder.Entity<Session>(b =>
        {
            b.ToTable("cellule_sessions");
            b.Property(s => s.TerritoryId).HasMaxLength(64);
            b.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
            b.Property(s => s.HalfDay).HasConversion<string>().HasMaxLength(20);
            b.HasIndex(s => new { s.TerritoryId, s.Date });
            b.HasOne<Partner>().WithMany().HasForeignKey(s => s.VenuePartnerId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<Partner>().WithMany().HasForeignKey(s => s.SecretariatPartnerId).OnDelete(DeleteBehavior.Restrict);
            b.HasMany(s => s.Absences).WithOne().HasForeignKey("SessionId").OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<SessionAbsence>(b =>
        {
            b.ToTable("cellule_session_absences");
            b.Property(a => a.Id).ValueGeneratedNever();
        });
        modelBuilder.Entity<Situation>(b =>
        {
            b.ToTable("cellule_situations");
            b.Property(s => s.TerritoryId).HasMaxLength(64);
            b.Property(s => s.Reference).HasMaxLength(32);
            b.HasIndex(s => new { s.TerritoryId, s.Reference }).IsUnique();
            b.Property(s => s.PrescriberEmail).HasMaxLength(256);
            b.HasIndex(s => s.PrescriberEmail);
            b.Property(s => s.PrescriberName).HasMaxLength(200);
            b.Property(s => s.PrescriberOrganisation).HasMaxLength(200);
            b.Property(s => s.Recognition).HasConversion<string>().HasMaxLength(20);
            b.Property(s => s.ConsentPurposes).HasConversion<int>();
            b.Property(s => s.State).HasConversion<string>().HasMaxLength(20);
            b.Property(s => s.Outcome).HasConversion<string>().HasMaxLength(30);
            b.Property(s => s.SealedIdentity).HasMaxLength(SealedMaxLength);
            b.Property(s => s.SealedSheet).HasMaxLength(SealedMaxLength);
            b.Property(s => s.ErasureReason).HasMaxLength(100);
        });
        modelBuilder.Entity<AgendaItem>(b =>
        {
            b.ToTable("cellule_agenda_items");
            b.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
            b.HasIndex(i => new { i.SessionId, i.SituationId, i.Kind }).IsUnique();
            b.HasIndex(i => i.SituationId);
            b.HasOne<Session>().WithMany().HasForeignKey(i => i.SessionId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne<Situation>().WithMany().HasForeignKey(i => i.SituationId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<PartnerInput>(b =>
        {
            b.ToTable("cellule_partner_inputs");
            b.Property(i => i.AuthorName).HasMaxLength(200);
            b.Property(i => i.SealedText).HasMaxLength(SealedMaxLength);
            b.HasIndex(i => i.SituationId);
            b.HasOne<Situation>().WithMany().HasForeignKey(i => i.SituationId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Examination>(b =>
        {
            b.ToTable("cellule_examinations");
            b.Property(e => e.RecordedBy).HasMaxLength(200);
            b.Property(e => e.SealedNotes).HasMaxLength(SealedMaxLength);
            b.HasIndex(e => new { e.SituationId, e.SessionId }).IsUnique();
            b.HasOne<Situation>().WithMany().HasForeignKey(e => e.SituationId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(e => e.NextSteps).WithOne().HasForeignKey("ExaminationId").OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<NextStep>(b =>
        {
            b.ToTable("cellule_next_steps");
            b.Property(n => n.Id).ValueGeneratedNever();
            b.Property(n => n.SealedAction).HasMaxLength(SealedMaxLength);
        });
        modelBuilder.Entity<FollowUp>(b =>
        {
            b.ToTable("cellule_follow_ups");
            b.Property(f => f.RecordedBy).HasMaxLength(200);
            b.Property(f => f.SealedText).HasMaxLength(SealedMaxLength);
            b.HasIndex(f => new { f.SituationId, f.SessionId }).IsUnique();
            b.HasOne<Situation>().WithMany().HasForeignKey(f => f.SituationId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<SituationRead>(b =>
        {
            b.ToTable("cellule_reads");
            b.Property(r => r.ReaderUserId).HasMaxLength(64);
            b.Property(r => r.ReaderName).HasMaxLength(200);
            b.Property(r => r.What).HasMaxLength(100);
            b.HasIndex(r => r.SituationId);
            b.HasOne<Situation>().WithMany().HasForeignKey(r => r.SituationId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<PurgeReport>(b =>
        {
            b.ToTable("cellule_purge_reports");
            b.Property(r => r.TerritoryId).HasMaxLength(64);
        });
        modelBuilder.Entity<TerritorialIssue>(b =>
        {
            b.ToTable("cellule_territorial_issues");
            b.Property(i => i.TerritoryId).HasMaxLength(64);
            b.Property(i => i.Addressee).HasConversion<string>().HasMaxLength(10);
            b.Property(i => i.Title).HasMaxLength(TerritorialIssue.TitleMaxLength);
            b.Property(i => i.Text).HasMaxLength(TerritorialIssue.TextMaxLength);
            b.Property(i => i.RecordedBy).HasMaxLength(200);
        });
        modelBuilder.ApplySproConventions(CelluleHandicapModule.Id);
    }
}

/// <summary>For <c>scripts/add-migration.sh</c>: the model without a running host.</summary>
internal sealed class CelluleHandicapDesignTimeFactory : IDesignTimeDbContextFactory<CelluleHandicapDbContext>
{
    public CelluleHandicapDbContext CreateDbContext(string[] args) => new(DesignTime.Options<CelluleHandicapDbContext>(CelluleHandicapModule.Id), new NoTerritory());
}

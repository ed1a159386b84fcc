using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SproHub.Governance.Agreements;
using SproHub.Governance.Meetings;
using SproHub.Shared.Data;
using SproHub.Shared.Territories;

namespace SproHub.Governance.Data;

/// <summary>Governance's own tables (<c>governance_*</c>); every query sees only the current territory's rows (the territory
/// filter, by convention) unless it says it reads Région-wide (<c>IgnoreQueryFilters</c>).</summary>
public sealed class GovernanceDbContext(DbContextOptions<GovernanceDbContext> options, ITerritoryContext territory) : TerritoryDbContext(options, territory)
{
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<Invitee> Invitees => Set<Invitee>();
    public DbSet<MeetingAction> Actions => Set<MeetingAction>();
    public DbSet<Agreement> Agreements => Set<Agreement>();
    public DbSet<Amendment> Amendments => Set<Amendment>();
    public DbSet<CadenceAlert> CadenceAlerts => Set<CadenceAlert>();
    public DbSet<Modes.GovernanceMode> Modes => Set<Modes.GovernanceMode>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Meeting>(b =>
        {
            b.ToTable("governance_meetings");
            b.Property(m => m.TerritoryId).HasMaxLength(64);
            b.Property(m => m.Type).HasConversion<string>().HasMaxLength(40);
            b.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(m => m.Subject).HasMaxLength(200);
            b.Property(m => m.Place).HasMaxLength(300);
            b.Property(m => m.VideoLink).HasMaxLength(500);
            b.Property(m => m.UpdatedBy).HasMaxLength(200);
            b.Property(m => m.BasinId).HasMaxLength(64);
            b.HasIndex(m => new { m.TerritoryId, m.Day });
            b.HasMany(m => m.Structures).WithOne().HasForeignKey(s => s.MeetingId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(m => m.Invitees).WithOne().HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(m => m.Decisions).WithOne().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(m => m.Actions).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<InvitedStructure>(b =>
        {
            b.ToTable("governance_meeting_structures");
            b.HasKey(s => new { s.MeetingId, s.StructureId });
            b.Property(s => s.Name).HasMaxLength(200);
            b.Property(s => s.Type).HasMaxLength(60);
        });
        modelBuilder.Entity<Invitee>(b =>
        {
            b.ToTable("governance_meeting_invitees");
            b.Property(i => i.Name).HasMaxLength(200);
            b.Property(i => i.Email).HasMaxLength(256);
            b.Property(i => i.Function).HasMaxLength(100);
            b.Property(i => i.ReplyToken).HasMaxLength(64);
            b.Property(i => i.Reply).HasConversion<string>().HasMaxLength(20);
            b.HasIndex(i => i.ReplyToken).IsUnique();
        });
        modelBuilder.Entity<Decision>(b =>
        {
            b.ToTable("governance_meeting_decisions");
            b.Property(d => d.Text).HasMaxLength(1000);
        });
        modelBuilder.Entity<MeetingAction>(b =>
        {
            b.ToTable("governance_meeting_actions");
            b.Property(a => a.TerritoryId).HasMaxLength(64);
            b.Property(a => a.What).HasMaxLength(500);
            b.Property(a => a.Who).HasMaxLength(200);
            b.Property(a => a.DoneBy).HasMaxLength(200);
            b.HasIndex(a => new { a.TerritoryId, a.DoneAt, a.DueOn });
        });
        modelBuilder.Entity<CadenceAlert>(b =>
        {
            b.ToTable("governance_cadence_alerts");
            b.HasKey(a => new { a.TerritoryId, a.Type, a.BasinId, a.PeriodStart });
            b.Property(a => a.TerritoryId).HasMaxLength(64);
            b.Property(a => a.BasinId).HasMaxLength(64);
            b.Property(a => a.Type).HasConversion<string>().HasMaxLength(40);
        });
        modelBuilder.Entity<Modes.GovernanceMode>(b =>
        {
            b.ToTable("governance_modes");
            b.HasKey(m => m.TerritoryId);
            b.Property(m => m.TerritoryId).HasMaxLength(64);
            b.Property(m => m.UpdatedBy).HasMaxLength(200);
            b.HasMany(m => m.Rules).WithOne().HasForeignKey(r => r.TerritoryId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(m => m.Referents).WithOne().HasForeignKey(r => r.TerritoryId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Modes.ModeRule>(b =>
        {
            b.ToTable("governance_mode_rules");
            b.HasKey(r => new { r.TerritoryId, r.Type });
            b.Property(r => r.TerritoryId).HasMaxLength(64);
            b.Property(r => r.Type).HasConversion<string>().HasMaxLength(40);
            b.Property(r => r.Frequency).HasConversion<string>().HasMaxLength(30);
            b.Property(r => r.Level).HasConversion<string>().HasMaxLength(20);
        });
        modelBuilder.Entity<Modes.BasinReferent>(b =>
        {
            b.ToTable("governance_basin_referents");
            b.HasKey(r => new { r.TerritoryId, r.BasinId });
            b.Property(r => r.TerritoryId).HasMaxLength(64);
            b.Property(r => r.BasinId).HasMaxLength(64);
            b.Property(r => r.Name).HasMaxLength(200);
        });
        modelBuilder.Entity<Agreement>(b =>
        {
            b.ToTable("governance_agreements");
            b.Property(a => a.Id).ValueGeneratedNever();
            b.Property(a => a.TerritoryId).HasMaxLength(64);
            b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(30);
            b.Property(a => a.Title).HasMaxLength(300);
            b.HasIndex(a => a.TerritoryId);
            b.HasMany(a => a.Parties).WithOne().HasForeignKey(p => p.AgreementId).OnDelete(DeleteBehavior.Cascade);
            // A local SPRO sees its own agreement and the regional specification every SPRO works under.
            b.HasTerritoryFilter(a => a.TerritoryId == CurrentTerritoryId || a.TerritoryId == Agreement.RegionScope);
        });
        modelBuilder.Entity<AgreementParty>(b =>
        {
            b.ToTable("governance_agreement_parties");
            b.Property(p => p.Id).ValueGeneratedNever();
            b.Property(p => p.Name).HasMaxLength(200);
            b.Property(p => p.Network).HasMaxLength(60);
        });
        modelBuilder.Entity<Amendment>(b =>
        {
            b.ToTable("governance_amendments");
            b.Property(a => a.Id).ValueGeneratedNever();
            b.Property(a => a.TerritoryId).HasMaxLength(64);
            b.Property(a => a.Title).HasMaxLength(300);
            b.Property(a => a.Status).HasConversion<string>().HasMaxLength(30);
            b.HasIndex(a => new { a.AgreementId, a.Number }).IsUnique();
            b.HasOne<Agreement>().WithMany().HasForeignKey(a => a.AgreementId).OnDelete(DeleteBehavior.Restrict);
            b.HasMany(a => a.NewPartners).WithOne().HasForeignKey(p => p.AmendmentId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(a => a.Signatures).WithOne().HasForeignKey(s => s.AmendmentId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<NewPartner>(b =>
        {
            b.ToTable("governance_amendment_partners");
            b.HasKey(p => new { p.AmendmentId, p.StructureId });
            b.Property(p => p.Name).HasMaxLength(200);
            b.Property(p => p.Network).HasMaxLength(60);
        });
        modelBuilder.Entity<AmendmentSignature>(b =>
        {
            b.ToTable("governance_amendment_signatures");
            b.HasKey(s => new { s.AmendmentId, s.StructureId });
            b.Property(s => s.StructureName).HasMaxLength(200);
            b.Property(s => s.SignatoryName).HasMaxLength(200);
            b.Property(s => s.SignatoryRole).HasMaxLength(200);
            b.Property(s => s.Method).HasConversion<string>().HasMaxLength(20);
            b.Property(s => s.DocumentName).HasMaxLength(200);
            b.Property(s => s.DocumentSha256).HasMaxLength(64);
            b.Property(s => s.DocumentContentType).HasMaxLength(100);
            b.Property(s => s.RecordedBy).HasMaxLength(200);
        });
        // Ids are made by the code: an invitee, decision or action added to a loaded meeting is then new (Added), not an update.
        modelBuilder.Entity<Meeting>().Property(m => m.Id).ValueGeneratedNever();
        modelBuilder.Entity<Invitee>().Property(i => i.Id).ValueGeneratedNever();
        modelBuilder.Entity<Decision>().Property(d => d.Id).ValueGeneratedNever();
        modelBuilder.Entity<MeetingAction>().Property(a => a.Id).ValueGeneratedNever();
        modelBuilder.ApplySproConventions(GovernanceModule.Id);
    }
}

internal sealed class GovernanceDesignTimeFactory : IDesignTimeDbContextFactory<GovernanceDbContext>
{
    public GovernanceDbContext CreateDbContext(string[] args) => new(DesignTime.Options<GovernanceDbContext>(GovernanceModule.Id), new NoTerritory());
}

using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SproHub.Shared.Data;

namespace SproHub.Host.Platform.Data;

/// <summary>
/// The host's own tables: which plugin is enabled where, the append-only audit log, and the data-protection
/// keys shared by every host (a cookie or token issued by one host is read by the others).
/// </summary>
public sealed class PlatformDbContext(DbContextOptions<PlatformDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public const string Id = "platform";

    public DbSet<ModuleEnablement> ModuleEnablements => Set<ModuleEnablement>();
    public DbSet<AuditRecord> AuditLog => Set<AuditRecord>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Notifications.NotificationRecord> Notifications => Set<Notifications.NotificationRecord>();
    public DbSet<Notifications.NotificationPreference> NotificationPreferences => Set<Notifications.NotificationPreference>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ModuleEnablement>(b =>
        {
            b.ToTable("platform_module_enablements");
            b.HasKey(e => new { e.ModuleId, e.TerritoryId });
            b.Property(e => e.ModuleId).HasMaxLength(64);
            b.Property(e => e.TerritoryId).HasMaxLength(64);
            b.Property(e => e.ChangedBy).HasMaxLength(256);
        });
        modelBuilder.Entity<AuditRecord>(b =>
        {
            b.ToTable("platform_audit_log");
            b.HasKey(e => e.Id);
            b.Property(e => e.ModuleId).HasMaxLength(64);
            b.Property(e => e.Action).HasMaxLength(100);
            b.Property(e => e.EntityType).HasMaxLength(100);
            b.Property(e => e.EntityId).HasMaxLength(100);
            b.Property(e => e.TerritoryId).HasMaxLength(64);
            b.Property(e => e.UserId).HasMaxLength(64);
            b.Property(e => e.UserName).HasMaxLength(256);
            b.HasIndex(e => e.AtUtcTicks);
            b.HasIndex(e => e.EventId).IsUnique();
        });
        modelBuilder.Entity<DataProtectionKey>().ToTable("platform_data_protection_keys");
        modelBuilder.Entity<Notifications.NotificationRecord>(b =>
        {
            b.ToTable("platform_notifications");
            b.HasKey(n => n.Id);
            b.Property(n => n.Email).HasMaxLength(256);
            b.Property(n => n.Name).HasMaxLength(200);
            b.Property(n => n.ModuleId).HasMaxLength(64);
            b.Property(n => n.Kind).HasMaxLength(100);
            b.Property(n => n.TerritoryId).HasMaxLength(64);
            b.Property(n => n.Subject).HasMaxLength(300);
            b.Property(n => n.Link).HasMaxLength(500);
            b.HasIndex(n => new { n.EventId, n.Email }).IsUnique();
            b.HasIndex(n => new { n.Email, n.Id });
        });
        modelBuilder.Entity<Notifications.NotificationPreference>(b =>
        {
            b.ToTable("platform_notification_preferences");
            b.HasKey(p => new { p.Email, p.Kind });
            b.Property(p => p.Email).HasMaxLength(256);
            b.Property(p => p.Kind).HasMaxLength(100);
        });
        modelBuilder.ApplySproConventions(Id);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseAuditEdits();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseAuditEdits();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>The audit log is append-only: nothing in the platform may change or remove a record.</summary>
    private void RefuseAuditEdits()
    {
        if (ChangeTracker.Entries<AuditRecord>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("Le journal d'audit est en ajout seul.");
    }
}

/// <summary>A plugin enabled (or disabled again) in a territory, with who changed it and when.</summary>
[CrossTerritory("The module gate loads every territory's switches at once, outside any territory, and the Région's administrator " +
    "sets them all (/admin/modules).")]
public sealed class ModuleEnablement : IVersioned
{
    public required string ModuleId { get; set; }
    public required string TerritoryId { get; set; }
    public bool Enabled { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
    public string? ChangedBy { get; set; }
    public int Version { get; set; }
}

[CrossTerritory("The Région's administrator reads one audit log for every territory; records are written from the outbox, outside any territory.")]
public sealed class AuditRecord
{
    public long Id { get; set; }
    /// <summary>The event that carried it from a module's outbox (written once even if delivered twice).</summary>
    public Guid EventId { get; set; }
    /// <summary>UTC ticks: sortable on every provider (SQLite cannot order DateTimeOffset).</summary>
    public long AtUtcTicks { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public required string ModuleId { get; set; }
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public string? TerritoryId { get; set; }
    public string? Details { get; set; }

    public DateTimeOffset At => new(AtUtcTicks, TimeSpan.Zero);
}

internal sealed class PlatformDesignTimeFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<PlatformDbContext>
{
    public PlatformDbContext CreateDbContext(string[] args) => new(DesignTime.Options<PlatformDbContext>(PlatformDbContext.Id));
}

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SproHub.Network.Accounts;
using SproHub.Network.Structures;
using SproHub.Network.Territories;
using SproHub.Shared.Data;
using SproHub.Shared.Territories;

namespace SproHub.Network.Data;

/// <summary>
/// The network's tables (<c>network_*</c>): territories, structures, people, accounts. Most of it is the Région's shared
/// reference, read by every territory and by work outside any (each is marked <see cref="CrossTerritoryAttribute"/> with
/// why); what a territory keeps for itself (its agent counts) is filtered on the current territory, by convention.
/// </summary>
public sealed class NetworkDbContext(DbContextOptions<NetworkDbContext> options, ITerritoryContext territory)
    : IdentityUserContext<SproUser>(options), ITerritoryScopedContext
{
    public DbSet<Territory> Territories => Set<Territory>();
    public DbSet<Structure> Structures => Set<Structure>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<ReceptionPoint> ReceptionPoints => Set<ReceptionPoint>();
    public DbSet<Networks.MemberNetwork> MemberNetworks => Set<Networks.MemberNetwork>();
    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();
    public DbSet<Coordinators.CoordinatorDesignation> CoordinatorDesignations => Set<Coordinators.CoordinatorDesignation>();
    public DbSet<Agents.AgentCount> AgentCounts => Set<Agents.AgentCount>();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        await Accounts.SignIn.WithdrawnRoles.RenewStampsAsync(this, cancellationToken);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        Accounts.SignIn.WithdrawnRoles.RenewStampsAsync(this, CancellationToken.None).GetAwaiter().GetResult();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public string? CurrentTerritoryId => territory.Current?.Slug;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.AddTerritoryFilters(this);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<SproUser>(b => { b.ToTable("network_users"); b.Property(u => u.DisplayName).HasMaxLength(200); });
        modelBuilder.Entity<IdentityUserClaim<string>>().ToTable("network_user_claims");
        modelBuilder.Entity<IdentityUserLogin<string>>().ToTable("network_user_logins");
        modelBuilder.Entity<IdentityUserToken<string>>().ToTable("network_user_tokens");
        modelBuilder.Entity<Territory>(b =>
        {
            b.ToTable("network_territories");
            b.HasKey(t => t.Slug);
            b.Property(t => t.Slug).HasMaxLength(64);
            b.Property(t => t.Name).HasMaxLength(200);
            b.Property(t => t.Kind).HasConversion<string>().HasMaxLength(20);
            b.Property(t => t.DepartmentCode).HasMaxLength(3);
            b.Property(t => t.ParentSlug).HasMaxLength(64);
            b.Property(t => t.Organisation).HasMaxLength(40);
        });
        modelBuilder.Entity<Structure>(b =>
        {
            b.ToTable("network_structures");
            b.Property(s => s.Name).HasMaxLength(200);
            b.Property(s => s.Town).HasMaxLength(100);
            b.Property(s => s.TerritoryId).HasMaxLength(64);
            b.Property(s => s.Type).HasConversion<string>().HasMaxLength(40);
            b.Property(s => s.OtherNetwork).HasMaxLength(60);
            b.Property(s => s.SearchText).HasMaxLength(400);
            b.Property(s => s.Address).HasMaxLength(300);
            b.HasIndex(s => s.TerritoryId);
        });
        modelBuilder.Entity<Networks.MemberNetwork>(b =>
        {
            b.ToTable("network_member_networks");
            b.HasKey(n => n.Code);
            b.Property(n => n.Code).HasMaxLength(60);
            b.Property(n => n.Label).HasMaxLength(60);
            b.Property(n => n.AddedBy).HasMaxLength(200);
            b.HasIndex(n => n.Label).IsUnique();
        });
        modelBuilder.Entity<ReceptionPoint>(b =>
        {
            b.ToTable("network_reception_points");
            b.Property(p => p.Id).ValueGeneratedNever();
            b.Property(p => p.Name).HasMaxLength(200);
            b.Property(p => p.Address).HasMaxLength(300);
            b.Property(p => p.Town).HasMaxLength(100);
            b.Property(p => p.Phone).HasMaxLength(30);
            b.HasIndex(p => p.StructureId);
            b.HasOne<Structure>().WithMany().HasForeignKey(p => p.StructureId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(p => p.Hours).WithOne().HasForeignKey(h => h.ReceptionPointId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<OpeningSlot>(b =>
        {
            b.ToTable("network_opening_hours");
            b.HasKey(h => new { h.ReceptionPointId, h.Day, h.Opens });
        });
        modelBuilder.Entity<Person>(b =>
        {
            b.ToTable("network_people");
            b.Property(p => p.FirstName).HasMaxLength(100);
            b.Property(p => p.LastName).HasMaxLength(100);
            b.Property(p => p.Email).HasMaxLength(256);
            b.Property(p => p.Function).HasMaxLength(100);
            b.HasIndex(p => p.StructureId);
        });
        modelBuilder.Entity<Coordinators.CoordinatorDesignation>(b =>
        {
            b.ToTable("network_coordinator_designations");
            b.Property(d => d.TerritoryId).HasMaxLength(64);
            b.Property(d => d.MinutesReference).HasMaxLength(200);
            b.Property(d => d.RecordedBy).HasMaxLength(200);
            b.HasIndex(d => new { d.TerritoryId, d.SchoolYear });
            b.HasOne<Person>().WithMany().HasForeignKey(d => d.PersonId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<Structure>().WithMany().HasForeignKey(d => d.StructureId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<Agents.AgentCount>(b =>
        {
            b.ToTable("network_agent_counts");
            b.HasKey(c => new { c.StructureId, c.Year });
            b.Property(c => c.TerritoryId).HasMaxLength(64);
            b.Property(c => c.UpdatedBy).HasMaxLength(200);
            b.HasIndex(c => new { c.TerritoryId, c.Year });
            b.HasOne<Structure>().WithMany().HasForeignKey(c => c.StructureId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<RoleAssignment>(b =>
        {
            b.ToTable("network_role_assignments");
            b.Property(r => r.UserId).HasMaxLength(450);
            b.Property(r => r.TerritoryId).HasMaxLength(64);
            b.Property(r => r.Role).HasMaxLength(40);
            b.HasIndex(r => new { r.UserId, r.TerritoryId, r.Role }).IsUnique();
        });
        modelBuilder.ApplySproConventions(NetworkModule.Id);
    }
}

internal static class RegionAccounts
{
    /// <summary>The accounts holding the Région administrator's role, with an e-mail.</summary>
    public static async Task<IReadOnlyList<(string Email, string Name)>> RegionAdministratorsAsync(this NetworkDbContext db, CancellationToken cancellationToken) =>
        (await (from r in db.RoleAssignments
                join u in db.Users on r.UserId equals u.Id
                where r.Role == SproHub.Shared.Security.SproRoles.RegionAdministrator && r.TerritoryId == SproHub.Shared.Security.SproRoles.RegionScope && u.Email != null
                select new { u.Email, u.DisplayName }).ToListAsync(cancellationToken)).Select(r => (r.Email!, r.DisplayName)).ToList();
}

internal sealed class NetworkDesignTimeFactory : IDesignTimeDbContextFactory<NetworkDbContext>
{
    public NetworkDbContext CreateDbContext(string[] args) => new(DesignTime.Options<NetworkDbContext>(NetworkModule.Id), new NoTerritory());
}

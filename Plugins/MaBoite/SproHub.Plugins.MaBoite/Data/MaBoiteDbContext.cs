using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SproHub.Plugins.MaBoite.Files;
using SproHub.Plugins.MaBoite.Publications;
using SproHub.Plugins.MaBoite.Shares;
using SproHub.Plugins.MaBoite.Spaces;
using SproHub.Shared.Data;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.MaBoite.Data;

/// <summary>The plugin's own tables (<c>ma_boite_*</c>); every query sees only the current territory's rows.</summary>
public sealed class MaBoiteDbContext(DbContextOptions<MaBoiteDbContext> options, ITerritoryContext territory) : TerritoryDbContext(options, territory)
{
    public DbSet<Space> Spaces => Set<Space>();
    public DbSet<Folder> Folders => Set<Folder>();
    public DbSet<Document> Documents => Set<Document>();
    public DbSet<Share> Shares => Set<Share>();
    public DbSet<Publication> Publications => Set<Publication>();
    public DbSet<PublicationView> PublicationViews => Set<PublicationView>();

    /// <summary>
    /// Any change to documents or folders moves their spaces' <see cref="Space.ContentStamp"/> in the same transaction, so that
    /// no handler can forget it and every host's cached listings (<see cref="Files.ListFolderHandler"/>) are dropped at once.
    /// The stamp is replaced by a random value, not counted up: a database restored from a backup (or a test's snapshot) brings
    /// back older stamps, and a counter would then meet again a value a host has cached for other contents.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var spaces = ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity switch { Document d => d.SpaceId, Folder f => f.SpaceId, _ => Guid.Empty }).Where(id => id != Guid.Empty).Distinct().ToList();
        if (spaces.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var stamp = Random.Shared.NextInt64(1, long.MaxValue);
            await Spaces.IgnoreQueryFilters().Where(s => spaces.Contains(s.Id)).ExecuteUpdateAsync(s => s.SetProperty(x => x.ContentStamp, stamp), cancellationToken);
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (own is not null) await own.CommitAsync(cancellationToken);
            return saved;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Space>(b =>
        {
            b.ToTable("ma_boite_spaces");
            b.Property(s => s.TerritoryId).HasMaxLength(64);
            b.Property(s => s.OwnerUserId).HasMaxLength(64);
            b.Property(s => s.DisplayName).HasMaxLength(100);
            b.Property(s => s.Email).HasMaxLength(254);
            b.Property(s => s.InvitedBy).HasMaxLength(200);
            b.Property(s => s.PublicType).HasConversion<string>().HasMaxLength(32);
            b.HasIndex(s => new { s.TerritoryId, s.OwnerUserId }).IsUnique();
        });
        modelBuilder.Entity<Folder>(b =>
        {
            b.ToTable("ma_boite_folders");
            b.Property(f => f.TerritoryId).HasMaxLength(64);
            b.Property(f => f.Name).HasMaxLength(Folder.NameMaxLength);
            b.HasOne<Space>().WithMany().HasForeignKey(f => f.SpaceId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(f => new { f.SpaceId, f.ParentId });
        });
        modelBuilder.Entity<Document>(b =>
        {
            b.ToTable("ma_boite_documents");
            b.Property(d => d.TerritoryId).HasMaxLength(64);
            b.Property(d => d.Name).HasMaxLength(Document.NameMaxLength);
            // Byte order on both databases, as SQLite sorts: PostgreSQL's default collation would skip spaces and punctuation.
            var key = b.Property(d => d.NameKey).HasMaxLength(Document.NameMaxLength);
            if (Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true) key.UseCollation("C");
            b.Property(d => d.ContentType).HasMaxLength(120);
            b.Property(d => d.Sha256).HasMaxLength(64);
            b.HasOne<Space>().WithMany().HasForeignKey(d => d.SpaceId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(d => new { d.SpaceId, d.FolderId, d.NameKey });
            b.HasIndex(d => d.StoreId).IsUnique();
        });
        modelBuilder.Entity<Share>(b =>
        {
            b.ToTable("ma_boite_shares");
            b.Property(x => x.TerritoryId).HasMaxLength(64);
            b.Property(x => x.AgentEmail).HasMaxLength(254);
            b.Property(x => x.AgentName).HasMaxLength(200);
            b.Property(x => x.ItemKind).HasConversion<string>().HasMaxLength(16);
            b.Property(x => x.Access).HasConversion<string>().HasMaxLength(16);
            b.HasOne<Space>().WithMany().HasForeignKey(x => x.SpaceId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(x => new { x.TerritoryId, x.AgentEmail });
            b.HasIndex(x => x.SpaceId);
        });
        modelBuilder.Entity<Publication>(b =>
        {
            b.ToTable("ma_boite_publications");
            b.Property(x => x.TerritoryId).HasMaxLength(64);
            b.Property(x => x.Title).HasMaxLength(Publication.TitleMaxLength);
            b.Property(x => x.Markdown).HasMaxLength(Publication.TextMaxLength);
            b.Property(x => x.Link).HasMaxLength(500);
            b.Property(x => x.PublicTypes).HasMaxLength(200);
            b.Property(x => x.PublishedBy).HasMaxLength(200);
            b.Property(x => x.Place).HasMaxLength(200);
            b.Property(x => x.AttachmentName).HasMaxLength(Files.Document.NameMaxLength);
            b.Property(x => x.AttachmentType).HasMaxLength(120);
            b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            b.HasIndex(x => x.TerritoryId);
        });
        modelBuilder.Entity<PublicationView>(b =>
        {
            b.ToTable("ma_boite_publication_views");
            b.Property(x => x.TerritoryId).HasMaxLength(64);
            b.HasIndex(x => new { x.PublicationId, x.SpaceId }).IsUnique();
        });
        modelBuilder.ApplySproConventions(MaBoiteModule.Id);
    }
}

/// <summary>For <c>scripts/add-migration.sh</c>: the model without a running host.</summary>
internal sealed class MaBoiteDesignTimeFactory : IDesignTimeDbContextFactory<MaBoiteDbContext>
{
    public MaBoiteDbContext CreateDbContext(string[] args) => new(DesignTime.Options<MaBoiteDbContext>(MaBoiteModule.Id), new NoTerritory());
}

using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SproHub.Plugins.MaBoite.Data;
using SproHub.Plugins.MaBoite.Files;
using SproHub.Plugins.MaBoite.Spaces;
using SproHub.Shared.Files;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.MaBoite.Demo;

/// <summary>The demo's person in Orléans (<c>personne@orleans.demo</c>) with a folder and a CV in her space. Invented.</summary>
public static class DemoSpaces
{
    public const string Email = "personne@orleans.demo";

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var territory = await services.GetRequiredService<ITerritoryDirectory>().FindAsync("orleans", cancellationToken);
        if (territory is null || await services.GetRequiredService<IAccountRegistry>().FindByEmailAsync(Email, cancellationToken) is not { } account) return;
        services.GetRequiredService<ITerritoryContext>().Enter(territory);
        var db = services.GetRequiredService<MaBoiteDbContext>();
        if (await db.Spaces.AnyAsync(s => s.OwnerUserId == account.UserId, cancellationToken)) return;
        var clock = services.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();
        var space = new Space
        {
            Id = Guid.NewGuid(), TerritoryId = territory.Slug, OwnerUserId = account.UserId, DisplayName = "Jade", Email = Email,
            PublicType = PublicType.JeuneEnRecherche, BirthYear = ParisTime.Today(clock).Year - 19, CreatedAt = now.AddDays(-40), OpenedAt = now.AddDays(-40),
        };
        var folder = new Folder { Id = Guid.NewGuid(), TerritoryId = territory.Slug, SpaceId = space.Id, Name = "CV et lettres", CreatedAt = now.AddDays(-40) };
        var cv = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj "
            + "3 0 obj<</Type/Page/MediaBox[0 0 595 842]/Parent 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
        var stored = await services.GetRequiredService<IFileStore>().SaveAsync(new MemoryStream(cv), "CV Jade 2026.pdf", cv.Length, FileKinds.Accepted, "file", cancellationToken);
        space.UsedBytes = stored.Size;
        db.Spaces.Add(space);
        db.Folders.Add(folder);
        db.Documents.Add(new Document
        {
            Id = Guid.NewGuid(), TerritoryId = territory.Slug, SpaceId = space.Id, FolderId = folder.Id, Name = stored.FileName, ContentType = stored.ContentType,
            Size = stored.Size, Sha256 = stored.Sha256, StoreId = stored.Id, UploadedAt = now.AddDays(-39),
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}

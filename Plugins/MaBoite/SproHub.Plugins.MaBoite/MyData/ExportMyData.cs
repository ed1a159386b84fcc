using System.IO.Compression;
using System.Text;
using MediatR;
using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.MaBoite.Data;
using SproHub.Plugins.MaBoite.Files;
using SproHub.Plugins.MaBoite.Spaces;
using SproHub.Shared.Audit;
using SproHub.Shared.Files;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;
using SproHub.Shared.Text;

namespace SproHub.Plugins.MaBoite.MyData;

/// <summary>
/// The person's right of access: everything their space holds in one zip, written straight to the response as it is
/// read (files under their folders, the trash apart, a French summary of the profile and the shares).
/// </summary>
[RequiresPermission(MaBoiteModule.SpacePermission)]
public sealed record ExportMyData(Stream Output) : IRequest<Unit>;

internal sealed class ExportMyDataHandler(MaBoiteDbContext db, SpaceAccess access, IFileStore store, IAuditLog audit, TimeProvider clock)
    : IRequestHandler<ExportMyData, Unit>
{
    private static readonly System.Globalization.CultureInfo French = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");

    public async Task<Unit> Handle(ExportMyData request, CancellationToken cancellationToken)
    {
        var space = await access.MineAsync(cancellationToken);
        var folders = await db.Folders.AsNoTracking().Where(f => f.SpaceId == space.Id).ToDictionaryAsync(f => f.Id, cancellationToken);
        var documents = await db.Documents.AsNoTracking().Where(d => d.SpaceId == space.Id).ToListAsync(cancellationToken);
        var shares = await db.Shares.AsNoTracking().Where(s => s.SpaceId == space.Id).ToListAsync(cancellationToken);
        await audit.RecordAsync(new AuditEntry(MaBoiteModule.Id, "donnees.exportees", "space", space.Id.ToString(), space.TerritoryId, SproHub.Shared.Text.French.Count(documents.Count, "fichier", "fichiers")), cancellationToken);

        using var zip = new ZipArchive(request.Output, ZipArchiveMode.Create, leaveOpen: true);
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var document in documents.OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            var entry = zip.CreateEntry(Unique(used, PathOf(document, folders)), CompressionLevel.Fastest);
            entry.LastWriteTime = document.UploadedAt;
            await using var content = await store.OpenAsync(document.StoreId, cancellationToken);
            if (content is null) continue;
            await using var target = entry.Open();
            await content.CopyToAsync(target, cancellationToken);
        }
        var summary = zip.CreateEntry("Mes informations.txt");
        await using (var writer = new StreamWriter(summary.Open(), new UTF8Encoding(true)))
            await writer.WriteAsync(Summary(space, documents, shares, folders));
        return Unit.Value;
    }

    private static string PathOf(Document document, IReadOnlyDictionary<Guid, Folder> folders)
    {
        var parts = new List<string> { document.Name };
        for (var id = document.FolderId; id is { } f && folders.TryGetValue(f, out var folder) && parts.Count < 64; id = folder.ParentId) parts.Insert(0, folder.Name);
        if (document.TrashedAt is not null) parts.Insert(0, "Corbeille");
        return string.Join('/', parts);
    }

    /// <summary>Two files of the same name in one folder: the second becomes « nom (2).pdf ».</summary>
    private static string Unique(HashSet<string> used, string path)
    {
        var candidate = path;
        for (var n = 2; !used.Add(candidate); n++)
            candidate = Path.ChangeExtension(path, null) + $" ({n})" + Path.GetExtension(path);
        return candidate;
    }

    private string Summary(Space space, IReadOnlyList<Document> documents, IReadOnlyList<Shares.Share> shares, IReadOnlyDictionary<Guid, Folder> folders)
    {
        var today = ParisTime.Today(clock);
        var text = new StringBuilder();
        text.AppendLine($"ma boîte SPRO — données de {space.DisplayName}, exportées le {today.ToFrench("d MMMM yyyy")}");
        text.AppendLine();
        text.AppendLine($"Adresse e-mail : {space.Email}");
        text.AppendLine($"Vous êtes : {Space.PublicTypeLabel(space.PublicType)}");
        text.AppendLine($"Année de naissance : {space.BirthYear?.ToString(French) ?? "non renseignée"}");
        text.AppendLine($"Espace ouvert le : {ParisTime.DateOf(space.CreatedAt).ToFrench("d MMMM yyyy")}");
        if (space.InvitedBy is not null) text.AppendLine($"Invité·e par : {space.InvitedBy}");
        text.AppendLine($"Place utilisée : {Sizes.Format(space.UsedBytes)} sur {Sizes.Format(space.QuotaBytes)}, {SproHub.Shared.Text.French.Count(documents.Count, "fichier", "fichiers")}, {SproHub.Shared.Text.French.Count(folders.Count, "dossier", "dossiers")}");
        text.AppendLine();
        text.AppendLine("Partages :");
        if (shares.Count == 0) text.AppendLine("  aucun");
        foreach (var s in shares.OrderBy(s => s.CreatedAt.UtcTicks))
            text.AppendLine($"  - avec {s.AgentName} ({s.AgentEmail}), {Shares.Share.AccessLabel(s.Access)}, du {ParisTime.DateOf(s.CreatedAt):dd/MM/yyyy} au {s.ExpiresOn:dd/MM/yyyy}"
                            + $" : {s.State(today).ToLowerInvariant()}" + (s.LastOpenedAt is { } o ? $", ouvert pour la dernière fois le {ParisTime.DateOf(o):dd/MM/yyyy}" : ", jamais ouvert"));
        text.AppendLine();
        text.AppendLine("Fichiers (empreinte SHA-256 pour vérifier qu'ils sont intacts) :");
        foreach (var d in documents.OrderBy(d => d.Name, StringComparer.Ordinal))
            text.AppendLine($"  - {PathOf(d, folders)} : {Sizes.Format(d.Size)}, ajouté le {ParisTime.DateOf(d.UploadedAt):dd/MM/yyyy}, {d.Sha256}");
        return text.ToString();
    }
}

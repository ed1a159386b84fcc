using Microsoft.AspNetCore.Authorization;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using SproHub.Plugins.MaBoite.Spaces;
using SproHub.Plugins.MaBoite.Trash;
using SproHub.Shared.Pages;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.MaBoite.Files.Pages;

/// <summary>The person's space: the gauge, the folder they are in, adding files and folders, and each item's actions.</summary>
[Authorize] // the host's cookie sends a signed-out visitor to the login page, and back
public sealed class FilesModel(IMediator mediator, ITerritoryContext territory) : FormPageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Dossier { get; set; }
    /// <summary>A folder of thousands of files is shown a hundred at a time.</summary>
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public const int PageSize = 100;
    /// <summary>Why the last upload was refused (set by the upload endpoint, which streams outside this page).</summary>
    [TempData] public string? Refusal { get; set; }

    public string Territory => territory.Current!.Slug;
    public SpaceSummary Space { get; private set; } = null!;
    public FolderContents Contents { get; private set; } = null!;
    public IReadOnlyList<FolderChoice> Targets { get; private set; } = [];

    [BindProperty] public string? NewFolderName { get; set; }
    [BindProperty] public ItemKind Kind { get; set; }
    [BindProperty] public Guid ItemId { get; set; }
    [BindProperty] public int ItemVersion { get; set; }
    [BindProperty] public string? NewName { get; set; }
    [BindProperty] public Guid? Target { get; set; }
    [BindProperty] public string? AgentEmail { get; set; }
    [BindProperty] public Shares.ShareAccess Access { get; set; }
    [BindProperty] public DateOnly? ExpiresOn { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostFolderAsync(CancellationToken ct) => SubmitAsync(async () =>
    {
        var folder = await mediator.Send(new CreateFolder(Dossier, NewFolderName ?? ""), ct);
        return $"Dossier « {folder.Name} » créé.";
    }, "NewFolderName", ct, new { Dossier });

    public Task<IActionResult> OnPostRenameAsync(CancellationToken ct) => SubmitAsync(async () =>
    {
        await mediator.Send(new OrganiseItem(Kind, ItemId, NewName ?? "", false, null, ItemVersion), ct);
        return "Nom modifié.";
    }, "NewName", ct, new { Dossier });

    public Task<IActionResult> OnPostMoveAsync(CancellationToken ct) => SubmitAsync(async () =>
    {
        await mediator.Send(new OrganiseItem(Kind, ItemId, null, true, Target, ItemVersion), ct);
        return "Déplacé.";
    }, "Target", ct, new { Dossier });

    public Task<IActionResult> OnPostShareAsync(CancellationToken ct) => SubmitAsync(async () =>
    {
        var share = await mediator.Send(new Shares.ShareItem(Kind, ItemId, AgentEmail ?? "", Access, ExpiresOn ?? default), ct);
        return $"« {share.ItemName} » est partagé avec {share.AgentName} jusqu'au {share.ExpiresOn:dd/MM/yyyy} : il ou elle vient d'en être averti.";
    }, "", ct, new { Dossier });

    public Task<IActionResult> OnPostTrashAsync(CancellationToken ct) => SubmitAsync(async () =>
    {
        await mediator.Send(new MoveToTrash(Kind, ItemId), ct);
        return $"Mis à la corbeille : vous pouvez le restaurer pendant {Names.TrashDays} jours.";
    }, "", ct, new { Dossier });

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        Space = await mediator.Send(new EnterSpace(), cancellationToken);
        Contents = await mediator.Send(new ListFolder(Dossier), cancellationToken);
        Targets = await mediator.Send(new ListFolderTree(), cancellationToken);
    }

    public int Pages => Math.Max(1, (Contents.Documents.Count + PageSize - 1) / PageSize);
    public IEnumerable<FileEntry> PageOfDocuments => Contents.Documents.Skip((Math.Clamp(PageNumber, 1, Pages) - 1) * PageSize).Take(PageSize);
    public string PageUrl(int page) => FolderUrl(Dossier) + (Dossier is null ? "?" : "&") + $"page={page}";

    public string ContentUrl(Guid id, bool inline = false) => $"/api/territories/{Territory}/ma-boite/files/{id}/content" + (inline ? "?inline=true" : "");
    public string FolderUrl(Guid? id) => $"/t/{Territory}/ma-boite/fichiers" + (id is null ? "" : $"?dossier={id}");
}

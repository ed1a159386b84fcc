using Microsoft.AspNetCore.Authorization;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using SproHub.Plugins.MaBoite.Files;
using SproHub.Plugins.MaBoite.Spaces;
using SproHub.Shared.Pages;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.MaBoite.Trash.Pages;


[Authorize] // the host's cookie sends a signed-out visitor to the login page, and back
public sealed class TrashModel(IMediator mediator, ITerritoryContext territory) : FormPageModel
{
    public string Territory => territory.Current!.Slug;
    public SpaceSummary Space { get; private set; } = null!;
    public IReadOnlyList<TrashLine> Lines { get; private set; } = [];
    [BindProperty] public ItemKind Kind { get; set; }
    [BindProperty] public Guid ItemId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostRestoreAsync(CancellationToken ct) => SubmitAsync(async () =>
    {
        await mediator.Send(new RestoreFromTrash(Kind, ItemId), ct);
        return "Restauré à sa place.";
    }, "", ct);

    public Task<IActionResult> OnPostDeleteAsync(CancellationToken ct) => SubmitAsync(async () =>
    {
        await mediator.Send(new DeleteFromTrash(Kind, ItemId), ct);
        return "Supprimé définitivement.";
    }, "", ct);

    public Task<IActionResult> OnPostEmptyAsync(CancellationToken ct) => SubmitAsync(async () =>
        $"Corbeille vidée : {SproHub.Shared.Text.French.Count(await mediator.Send(new EmptyTrash(), ct), "fichier supprimé", "fichiers supprimés")} définitivement.", "", ct);

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        Space = await mediator.Send(new EnterSpace(), cancellationToken);
        Lines = await mediator.Send(new ListTrash(), cancellationToken);
    }
}

using Microsoft.AspNetCore.Authorization;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SproHub.Shared.Network;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.MaBoite.Publications.Pages;

/// <summary>The person's news and resources, and the SPRO's structures of their territory (from the core's directory).</summary>
[Authorize] // the host's cookie sends a signed-out visitor to the login page, and back
public sealed class PortalModel(IMediator mediator, ITerritoryContext territory, IStructureDirectory structures) : PageModel
{
    public string Territory => territory.Current!.Slug;
    public string TerritoryName => territory.Current!.Name;
    public IReadOnlyList<PortalItem> Items { get; private set; } = [];
    public IReadOnlyList<StructureInfo> Structures { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Items = await mediator.Send(new ReadPortal(), ct);
        Structures = (await structures.ListAsync(Territory, ct)).OrderBy(s => s.Type).ThenBy(s => s.Name).ToList();
        return Page();
    }
}

using Microsoft.AspNetCore.Authorization;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.MaBoite.Publications.Pages;


[Authorize] // the host's cookie sends a signed-out visitor to the login page, and back
public sealed class ReadModel(IMediator mediator, ITerritoryContext territory) : PageModel
{
    public string Territory => territory.Current!.Slug;
    public PortalItem Item { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Item = await mediator.Send(new ReadPublication(id), ct);
        return Page();
    }
}

using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.MaBoite.Publications.Pages;

public sealed class ReadModel(IMediator mediator, ITerritoryContext territory) : PageModel
{
    public string Territory => territory.Current!.Slug;
    public PortalItem Item { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true) return Redirect($"/compte/connexion?returnUrl={Uri.EscapeDataString(Request.Path)}");
        Item = await mediator.Send(new ReadPublication(id), ct);
        return Page();
    }
}

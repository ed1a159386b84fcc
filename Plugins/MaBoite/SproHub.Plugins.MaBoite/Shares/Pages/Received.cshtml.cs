using Microsoft.AspNetCore.Authorization;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.MaBoite.Shares.Pages;

/// <summary>The agent's side: what the people they accompany shared with them and is still open.</summary>
[Authorize] // the host's cookie sends a signed-out visitor to the login page, and back
public sealed class ReceivedModel(IMediator mediator, ITerritoryContext territory) : PageModel
{
    public string Territory => territory.Current!.Slug;
    public IReadOnlyList<ReceivedShare> Shares { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Shares = await mediator.Send(new ListSharesReceived(), ct);
        return Page();
    }
}

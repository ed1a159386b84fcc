using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.MaBoite.Shares.Pages;

/// <summary>The agent's side: what the people they accompany shared with them and is still open.</summary>
public sealed class ReceivedModel(IMediator mediator, ITerritoryContext territory) : PageModel
{
    public string Territory => territory.Current!.Slug;
    public IReadOnlyList<ReceivedShare> Shares { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true) return Redirect($"/compte/connexion?returnUrl={Uri.EscapeDataString(Request.Path)}");
        Shares = await mediator.Send(new ListSharesReceived(), ct);
        return Page();
    }
}

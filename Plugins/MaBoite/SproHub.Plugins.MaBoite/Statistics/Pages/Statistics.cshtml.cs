using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.MaBoite.Statistics.Pages;

public sealed class StatisticsModel(IMediator mediator, ITerritoryContext territory) : PageModel
{
    public string Territory => territory.Current!.Slug;
    public StatisticsView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true) return Redirect($"/compte/connexion?returnUrl={Uri.EscapeDataString(Request.Path)}");
        View = await mediator.Send(new GetStatistics(), ct);
        return Page();
    }
}

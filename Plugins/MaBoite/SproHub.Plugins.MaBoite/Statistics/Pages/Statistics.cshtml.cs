using Microsoft.AspNetCore.Authorization;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.MaBoite.Statistics.Pages;


[Authorize] // the host's cookie sends a signed-out visitor to the login page, and back
public sealed class StatisticsModel(IMediator mediator, ITerritoryContext territory) : PageModel
{
    public string Territory => territory.Current!.Slug;
    public StatisticsView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        View = await mediator.Send(new GetStatistics(), ct);
        return Page();
    }
}

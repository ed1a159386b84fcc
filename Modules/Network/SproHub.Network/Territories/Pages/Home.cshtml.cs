using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SproHub.Network.Territories.Pages;

public sealed class HomeModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<TerritorySummary> LocalSpros { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => LocalSpros = await mediator.Send(new ListLocalSpros(), ct);
}

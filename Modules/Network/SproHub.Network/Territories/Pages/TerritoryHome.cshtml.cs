using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SproHub.Shared.Modularity;

namespace SproHub.Network.Territories.Pages;

public sealed class TerritoryHomeModel(IMediator mediator, IModuleNavigation navigation) : PageModel
{
    public TerritoryDetail Detail { get; private set; } = null!;
    public IReadOnlyList<TerritoryLink> Initiatives { get; private set; } = [];
    public IReadOnlyList<string> Sections { get; private set; } = [];

    public async Task OnGetAsync(string territory, CancellationToken ct)
    {
        Detail = await mediator.Send(new GetTerritory(territory), ct);
        Initiatives = navigation.TerritoryLinks();
        Sections = navigation.TerritoryHomePartials();
    }
}

using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SproHub.Shared.Modularity;

namespace SproHub.Network.Territories.Pages;

public sealed class TerritoryHomeModel(IMediator mediator, IModuleNavigation navigation, SproHub.Shared.Security.ICurrentUser user) : PageModel
{
    public bool CanManageStructures => user.Can(NetworkModule.ManageStructuresPermission);
    public bool CanDesignateCoordinators => user.Can(NetworkModule.DesignateCoordinatorsPermission);
    public bool CanReadInternal => user.Can(NetworkModule.ReadInternalPermission);
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

using MediatR;
using Microsoft.AspNetCore.Mvc;
using SproHub.Shared.Pages;
using SproHub.Shared.Security;

namespace SproHub.Network.Networks.Pages;

/// <summary>The member networks of the SPRO; the Région adds new ones here.</summary>
public sealed class NetworksModel(IMediator mediator, ICurrentUser user) : FormPageModel
{
    public IReadOnlyList<NetworkView> Networks { get; private set; } = [];
    public bool CanAdd => user.Can(NetworkModule.ManageNetworksPermission);
    [BindProperty] public string Label { get; set; } = "";

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SubmitAsync(async () =>
    {
        var added = await mediator.Send(new AddNetwork(Label), ct);
        return $"Réseau « {added.Label} » ajouté : les structures de type « Autre » peuvent y être rattachées.";
    }, "", ct);

    protected override async Task LoadAsync(CancellationToken ct) => Networks = await mediator.Send(new ListNetworks(), ct);
}

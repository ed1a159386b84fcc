using Microsoft.AspNetCore.Authorization;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using SproHub.Shared.Pages;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.MaBoite.Shares.Pages;

/// <summary>The person sees every share they made, who last opened it, and ends any of them.</summary>
[Authorize] // the host's cookie sends a signed-out visitor to the login page, and back
public sealed class MySharesModel(IMediator mediator, ITerritoryContext territory) : FormPageModel
{
    public string Territory => territory.Current!.Slug;
    public IReadOnlyList<ShareLine> Shares { get; private set; } = [];
    [BindProperty] public Guid ShareId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostRevokeAsync(CancellationToken ct) => SubmitAsync(async () =>
        $"Le partage avec {(await mediator.Send(new RevokeShare(ShareId), ct)).AgentName} a pris fin.", "", ct);

    protected override async Task LoadAsync(CancellationToken cancellationToken) => Shares = await mediator.Send(new ListMyShares(), cancellationToken);
}

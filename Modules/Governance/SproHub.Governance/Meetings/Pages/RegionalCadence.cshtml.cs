using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SproHub.Shared.Territories;

namespace SproHub.Governance.Meetings.Pages;

/// <summary>For the Région: which local SPROs are behind their meeting cadence.</summary>
[Authorize]
public sealed class RegionalCadenceModel(IMediator mediator, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "annee")] public int? Year { get; set; }
    public int ShownYear => Year ?? ParisTime.Today(clock).Year;
    public IReadOnlyList<TerritoryCadence> Territories { get; private set; } = [];
    /// <summary>The Région's own meeting of the coordinators, every two months.</summary>
    public TerritoryCadence Region { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Territories = await mediator.Send(new GetRegionalCadence(ShownYear), ct);
        Region = await mediator.Send(new GetRegionCadence(ShownYear), ct);
    }
}

using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SproHub.Shared.Territories;

namespace SproHub.Network.Coordinators.Pages;

/// <summary>Who coordinates each local SPRO, for a school year (the current one by default), or one territory's history.</summary>
public sealed class CoordinatorsModel(IMediator mediator, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "annee")] public int? SchoolYear { get; set; }
    [BindProperty(SupportsGet = true, Name = "territoire")] public string? Territory { get; set; }
    public IReadOnlyList<CoordinatorView> Coordinators { get; private set; } = [];
    public int CurrentSchoolYear => CoordinatorDesignation.SchoolYearOf(ParisTime.Today(clock));

    public async Task OnGetAsync(CancellationToken ct)
    {
        // A territory's page shows its whole history; the Région-wide list one school year.
        if (string.IsNullOrEmpty(Territory)) SchoolYear ??= CurrentSchoolYear;
        Coordinators = await mediator.Send(new ListCoordinators(Territory, SchoolYear), ct);
    }
}

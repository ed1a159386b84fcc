using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SproHub.Shared.Territories;

namespace SproHub.Indicators.Region.Pages;

/// <summary>The Région's page: a year's indicators for every local SPRO, its department and the Région, side by side.</summary>
public sealed class RegionIndicatorsModel(IMediator mediator, TimeProvider clock, ITerritoryDirectory territories) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "annee")] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "departement")] public string? Department { get; set; }
    public RegionDashboard Dashboard { get; private set; } = null!;
    public IReadOnlyList<TerritoryInfo> AllDepartments { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Dashboard = await mediator.Send(new GetRegionDashboard(Year ?? ParisTime.Today(clock).Year, string.IsNullOrEmpty(Department) ? null : Department), ct);
        AllDepartments = (await territories.ListAsync(ct)).Where(t => t.Kind == TerritoryKind.Department).ToList();
    }
}

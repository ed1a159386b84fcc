using MediatR;
using Microsoft.AspNetCore.Mvc;
using SproHub.Shared.Pages;
using SproHub.Shared.Territories;

namespace SproHub.Indicators.Region.Pages;

/// <summary>The Région's page: a year's indicators for every local SPRO, its department and the Région, side by side.</summary>
public sealed class RegionIndicatorsModel(IMediator mediator, TimeProvider clock, ITerritoryDirectory territories) : FormPageModel
{
    [BindProperty(SupportsGet = true, Name = "annee")] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "departement")] public string? Department { get; set; }
    public RegionDashboard Dashboard { get; private set; } = null!;
    public IReadOnlyList<TerritoryInfo> AllDepartments { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostRebuildAsync(CancellationToken ct) => SubmitAsync(async () =>
    {
        var rebuilt = await mediator.Send(new Facts.RebuildFacts(), ct);
        return $"Indicateurs reconstruits : {rebuilt.Events} événements rejoués en {rebuilt.Seconds:0.0} s.";
    }, "", ct, new { annee = Year, departement = Department });

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Dashboard = await mediator.Send(new GetRegionDashboard(Year ?? ParisTime.Today(clock).Year, string.IsNullOrEmpty(Department) ? null : Department), ct);
        AllDepartments = (await territories.ListAsync(ct)).Where(t => t.Kind == TerritoryKind.Department).ToList();
    }
}

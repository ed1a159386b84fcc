using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SproHub.Budgets.Region.Pages;

/// <summary>The Région's finance page: every local SPRO side by side for a year, by department, late requests flagged.</summary>
public sealed class RegionBudgetsModel(IMediator mediator, SproHub.Shared.Territories.ITerritoryDirectory territories) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "annee")] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "departement")] public string? Department { get; set; }
    [BindProperty(SupportsGet = true, Name = "retard")] public bool LateOnly { get; set; }
    public RegionBudgets Overview { get; private set; } = null!;
    public IReadOnlyList<SproHub.Shared.Territories.TerritoryInfo> AllDepartments { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Overview = await mediator.Send(new GetRegionBudgets(Year, string.IsNullOrEmpty(Department) ? null : Department, LateOnly), ct);
        AllDepartments = (await territories.ListAsync(ct)).Where(t => t.Kind == SproHub.Shared.Territories.TerritoryKind.Department).ToList();
    }
}

using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SproHub.Shared.Territories;

namespace SproHub.Indicators.Dashboards.Pages;

public sealed class PrintableModel(IMediator mediator, ITerritoryContext territory, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "annee")] public int? Year { get; set; }
    public TerritoryDashboard Dashboard { get; private set; } = null!;
    public string Territory => territory.Current!.Slug;

    public async Task OnGetAsync(CancellationToken ct) => Dashboard = await mediator.Send(new GetTerritoryDashboard(Year ?? ParisTime.Today(clock).Year), ct);
}

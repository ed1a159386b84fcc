using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SproHub.Shared.Territories;

namespace SproHub.Indicators.Region.Pages;

/// <summary>The Région compares local SPROs side by side, over years.</summary>
public sealed class CompareModel(IMediator mediator, ITerritoryDirectory territories, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "territoires")] public List<string> Chosen { get; set; } = [];
    [BindProperty(SupportsGet = true, Name = "de")] public int? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "a")] public int? To { get; set; }
    public IReadOnlyList<TerritoryInfo> LocalSpros { get; private set; } = [];
    public Comparison? Result { get; private set; }
    public int ShownTo => To ?? ParisTime.Today(clock).Year;
    public int ShownFrom => From ?? ShownTo - 2;

    public async Task OnGetAsync(CancellationToken ct)
    {
        LocalSpros = (await territories.ListAsync(ct)).Where(t => t.Kind == TerritoryKind.LocalSpro).ToList();
        if (Chosen.Count > 0) Result = await mediator.Send(new CompareTerritories(Chosen, ShownFrom, ShownTo), ct);
    }
}

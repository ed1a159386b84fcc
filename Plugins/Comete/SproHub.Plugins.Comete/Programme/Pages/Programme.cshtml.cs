using MediatR;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.Comete.Programme.Pages;

[OutputCache(PolicyName = CometeModule.ProgrammeCache)]
public sealed class ProgrammeModel(IMediator mediator, ITerritoryContext territory) : PageModel
{
    public ProgrammeView Programme { get; private set; } = null!;
    public TerritoryInfo Territory => territory.Current!;
    [BindProperty(SupportsGet = true, Name = "annee")] public int? Year { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Programme = await mediator.Send(new GetProgramme(Year, WithRunningOrders: false), ct);
}

using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SproHub.Plugins.OrientationModeEmploi.Search;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.OrientationModeEmploi.Guide.Pages;

/// <summary>
/// The reception officer's page: a search box answering as one types (the results fragment is fetched from
/// this page), and the whole guide by theme below. Without JavaScript the form submits and the page answers.
/// </summary>
public sealed class ReceptionModel(IMediator mediator, ICurrentUser user, ITerritoryContext territory) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    public SearchResult? Results { get; private set; }
    public GuideView Guide { get; private set; } = null!;
    public string Territory => territory.Current!.Slug;
    public bool CanManage => user.Can(OrientationModeEmploiModule.ManagePermission);

    public async Task OnGetAsync(CancellationToken ct)
    {
        // A submitted search is a deliberate one: it counts.
        if (!string.IsNullOrWhiteSpace(Query)) Results = await mediator.Send(new SearchGuide(Query, Record: true), ct);
        Guide = await mediator.Send(new GetGuide(), ct);
    }

    /// <summary>The results alone, for the search box; <paramref name="record"/> once the officer stops typing.</summary>
    public async Task<IActionResult> OnGetResultsAsync(bool record, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Query)) return Content("");
        return Partial("_Results", await mediator.Send(new SearchGuide(Query, record), ct));
    }
}

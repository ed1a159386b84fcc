using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.OrientationModeEmploi.Guide.Pages;

/// <summary>The guide on one printed page, for the reception desk: every question, where to send, how to reach them.</summary>
public sealed class PrintModel(IMediator mediator, ITerritoryContext territory) : PageModel
{
    public string Territory => territory.Current!.Slug;
    public GuideView Guide { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Guide = await mediator.Send(new GetGuide(), ct);

    /// <summary>The structures the guide sends people to, with their contact, for the foot of the page.</summary>
    public IEnumerable<(StructureRef Structure, string? Contact)> Directory =>
        Guide.Questions.SelectMany(q => q.Principal.Concat(q.Secondary)).DistinctBy(s => s.Id).OrderBy(s => s.Name, GuideReader.French)
            .Select(s => (s, Guide.Sheets.GetValueOrDefault(s.Id)?.Contact));
}

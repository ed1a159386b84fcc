using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.ClipContests.Gallery.Pages;

/// <summary>The public gallery of the territory's clips, by edition.</summary>
public sealed class GalleryModel(IMediator mediator, ITerritoryContext territory) : PageModel
{
    [FromQuery(Name = "annee")] public int? Year { get; set; }
    public IReadOnlyList<GalleryEdition> Editions { get; private set; } = [];
    public string Territory => territory.Current!.Slug;
    public string TerritoryName => territory.Current!.Name;

    public async Task OnGetAsync(CancellationToken ct)
    {
        GalleryEndpoints.VisitorKey(HttpContext); // a browser met here is known when it opens a clip, and its view counts
        Editions = await mediator.Send(new GetGallery(Year), ct);
    }
}

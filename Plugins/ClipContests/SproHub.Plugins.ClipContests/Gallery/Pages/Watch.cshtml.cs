using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.ClipContests.Gallery.Pages;

/// <summary>A published clip, played here; opening the page counts the view of the day of a person the gallery knows (not a prefetch).</summary>
public sealed class WatchModel(IMediator mediator, ITerritoryContext territory) : PageModel
{
    [FromRoute] public Guid ClipId { get; set; }
    public GalleryClip Clip { get; private set; } = null!;
    public string Territory => territory.Current!.Slug;

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!IsPrefetch(Request) && GalleryEndpoints.VisitorKey(HttpContext) is { } visitor) await mediator.Send(new CountView(ClipId, visitor), ct);
        Clip = await mediator.Send(new GetGalleryClip(ClipId), ct);
    }

    private static bool IsPrefetch(Microsoft.AspNetCore.Http.HttpRequest request) =>
        request.Headers["Sec-Purpose"].Any(v => v?.Contains("prefetch") == true) || request.Headers["Purpose"].Any(v => v == "prefetch");
}

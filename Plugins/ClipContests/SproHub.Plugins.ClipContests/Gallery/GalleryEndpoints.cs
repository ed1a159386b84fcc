using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SproHub.Plugins.ClipContests.Clips;
using SproHub.Shared.Security;

namespace SproHub.Plugins.ClipContests.Gallery;

/// <summary>The public gallery: anyone reads the published clips and plays them; a view counts once a day per person.</summary>
internal static class GalleryEndpoints
{
    public const string VisitorCookie = "clips_visiteur";

    public static void Map(IEndpointRouteBuilder api, IEndpointRouteBuilder root)
    {
        var gallery = api.MapGroup("/gallery").WithTags("Concours de clips métiers — galerie publique").AllowAnonymous();
        gallery.MapGet("/", async Task<Ok<IReadOnlyList<GalleryEdition>>> (int? year, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetGallery(year), ct)))
            .WithSummary("Les clips publiés, par édition, avec leurs vues");
        gallery.MapGet("/{clipId:guid}", async Task<Ok<GalleryClip>> (Guid clipId, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetGalleryClip(clipId), ct)))
            .WithSummary("Un clip publié");
        gallery.MapPost("/{clipId:guid}/views", async Task<Ok<ViewCounted>> (Guid clipId, HttpContext http, IMediator m, CancellationToken ct) =>
        {
            var counted = await m.Send(new CountView(clipId, VisitorKey(http)), ct);
            return TypedResults.Ok(new ViewCounted(counted, (await m.Send(new GetGalleryClip(clipId), ct)).Views));
        }).WithSummary("Compter une vue (une par personne et par jour : le compte connecté, sinon le cookie de visite)");
        // The files, under the territory's address so that the public pages link to them plainly.
        root.MapGet("/t/{territory}/clips/galerie/{clipId:guid}/{kind}", async (Guid clipId, ClipFileKind kind, HttpContext http, IMediator m, CancellationToken ct) =>
            ClipEndpoints.Serve(http, await m.Send(new OpenPublishedFile(clipId, kind), ct), inline: true))
            .AllowAnonymous().WithTags("Concours de clips métiers — galerie publique").WithSummary("La vidéo, l'affiche ou les sous-titres d'un clip publié");
    }

    public sealed record ViewCounted(bool Counted, int Views);

    /// <summary>The signed-in account, or the browser's random visitor cookie (set here when absent, for a year).</summary>
    public static string VisitorKey(HttpContext http)
    {
        var user = http.RequestServices.GetService(typeof(ICurrentUser)) as ICurrentUser;
        if (user?.UserId is { } id) return "compte:" + id;
        if (http.Request.Cookies[VisitorCookie] is { Length: 32 } known && Guid.TryParseExact(known, "N", out _)) return "visiteur:" + known;
        var fresh = Guid.NewGuid().ToString("N");
        http.Response.Cookies.Append(VisitorCookie, fresh, new CookieOptions
        {
            HttpOnly = true, Secure = http.Request.IsHttps, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365), IsEssential = true, Path = "/",
        });
        return "visiteur:" + fresh;
    }
}

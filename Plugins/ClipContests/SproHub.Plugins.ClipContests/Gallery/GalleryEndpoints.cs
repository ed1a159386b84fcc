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
            var counted = VisitorKey(http) is { } visitor && await m.Send(new CountView(clipId, visitor), ct);
            return TypedResults.Ok(new ViewCounted(counted, (await m.Send(new GetGalleryClip(clipId), ct)).Views));
        }).WithSummary("Compter une vue (une par personne et par jour : le compte connecté, sinon le cookie de visite ; sans l'un ni l'autre, rien n'est compté)");
        // The files, under the territory's address so that the public pages link to them plainly.
        root.MapGet("/t/{territory}/clips/galerie/{clipId:guid}/{kind}", async (Guid clipId, ClipFileKind kind, HttpContext http, IMediator m, CancellationToken ct) =>
        {
            var file = await m.Send(new OpenPublishedFile(clipId, kind), ct);
            // The player loading the clip is a view, for a browser the gallery already knows (its page set the cookie).
            if (kind == ClipFileKind.Video && VisitorKey(http) is { } visitor) await m.Send(new CountView(clipId, visitor), ct);
            return ClipEndpoints.Serve(http, file, inline: true);
        })
            .AllowAnonymous().WithTags("Concours de clips métiers — galerie publique").WithSummary("La vidéo, l'affiche ou les sous-titres d'un clip publié");
    }

    public sealed record ViewCounted(bool Counted, int Views);

    /// <summary>
    /// Who is watching: the signed-in account, or the browser's visitor cookie. A request with neither is nobody in
    /// particular (a script, a link preview): it gets the cookie, for a year, and counts nothing, or every call would.
    /// </summary>
    public static string? VisitorKey(HttpContext http)
    {
        var user = http.RequestServices.GetService(typeof(ICurrentUser)) as ICurrentUser;
        if (user?.UserId is { } id) return "compte:" + id;
        if (http.Request.Cookies[VisitorCookie] is { Length: 32 } known && Guid.TryParseExact(known, "N", out _)) return "visiteur:" + known;
        if (!http.Response.HasStarted && !http.Response.Headers.SetCookie.Any(c => c?.StartsWith(VisitorCookie + "=", StringComparison.Ordinal) == true))
            http.Response.Cookies.Append(VisitorCookie, Guid.NewGuid().ToString("N"), new CookieOptions
            {
                HttpOnly = true, Secure = http.Request.IsHttps, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365), IsEssential = true, Path = "/",
            });
        return null;
    }

    /// <summary>For what is given once per phone (the questionnaire): a request with no identity is refused, not counted as a new phone.</summary>
    public static string RequiredVisitorKey(HttpContext http) => VisitorKey(http)
        ?? throw new SproHub.Shared.Errors.RuleViolationException(VisitorCookie, "visiteur-identifie",
            "Ouvrez d'abord la page du questionnaire dans un navigateur qui accepte les cookies : une seule réponse par téléphone.");
}

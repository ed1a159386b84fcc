using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using SproHub.Plugins.ClipContests.Projects;
using SproHub.Plugins.ClipContests.Teams;
using SproHub.Shared.Errors;

namespace SproHub.Plugins.ClipContests.Clips;

/// <summary>A team's project, its signed permissions and its clip, for the team's lead and the coordination.</summary>
internal static class ClipEndpoints
{
    public sealed record ProjectBody(string? Job, string? Theme, string? Scenario, string? FilmedPerson, string? Workplace, int Version);
    public sealed record ClipBody(string? Description, string? VideoLink);
    public sealed record PublicationBody(bool Published);

    public static void Map(IEndpointRouteBuilder api)
    {
        var teams = api.MapGroup("/teams/{id:guid}").WithTags("Concours de clips métiers");
        teams.MapPut("/project", async Task<Ok<TeamView>> (Guid id, ProjectBody body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ChangeProject(id, body.Job, body.Theme, body.Scenario, body.FilmedPerson, body.Workplace, body.Version), ct)))
            .WithSummary("Le projet de l'équipe : métier, thème, scénario, personne filmée, lieu de travail (version lue)");
        teams.MapPut("/permissions/{kind}", async Task<Ok<TeamView>> (Guid id, PermissionKind kind, string? signedBy, DateOnly? signedOn, string? name, HttpRequest request, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new RecordPermission(id, kind, signedBy ?? "", signedOn ?? default, request.Body, FileName(name, request)), ct)))
            .WithSummary("Déposer une autorisation signée (corps brut : PDF ou photo ; ?signedBy=&signedOn=&name=) : Filming, Publishing ou Workplace");
        teams.MapGet("/permissions/{kind}", async (Guid id, PermissionKind kind, HttpContext http, IMediator m, CancellationToken ct) =>
            Serve(http, await m.Send(new OpenPermission(id, kind), ct), inline: false)).WithSummary("Télécharger une autorisation signée");
        teams.MapPut("/clip", async Task<Ok<TeamView>> (Guid id, ClipBody body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new DescribeClip(id, body.Description, body.VideoLink), ct)))
            .WithSummary("Décrire le clip et, s'il est hébergé ailleurs, donner son lien https");
        teams.MapPut("/clip/{kind}", async Task<Ok<TeamView>> (Guid id, ClipFileKind kind, string? name, HttpRequest request, IMediator m, CancellationToken ct) =>
        {
            Unlimited(request.HttpContext); // the kind's own limit is checked while streaming
            return TypedResults.Ok(await m.Send(new UploadClipFile(id, kind, request.Body, FileName(name, request)), ct));
        }).WithSummary("Déposer la vidéo (MP4, MOV, WebM), l'affiche (PNG, JPEG, WebP) ou les sous-titres (WebVTT) du clip : corps brut, ?name=");
        teams.MapGet("/clip/{kind}", async (Guid id, ClipFileKind kind, HttpContext http, IMediator m, CancellationToken ct) =>
            Serve(http, await m.Send(new OpenTeamClipFile(id, kind), ct), inline: true)).WithSummary("La vidéo, l'affiche ou les sous-titres du clip de l'équipe");

        api.MapPut("/clips/{clipId:guid}/publication", async Task<Ok<ClipSummary>> (Guid clipId, PublicationBody body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new PublishClip(clipId, body.Published), ct)))
            .WithTags("Concours de clips métiers").WithSummary("Publier un clip dans la galerie (toutes ses autorisations réunies) ou l'en retirer (coordination)");
    }

    private static string FileName(string? name, HttpRequest request) =>
        Uri.UnescapeDataString(name ?? request.Headers["X-File-Name"].FirstOrDefault()
            ?? throw new RuleViolationException("name", "obligatoire", "Donnez le nom du fichier (?name=…)."));

    public static void Unlimited(HttpContext http)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = null;
    }

    /// <summary>Served as stored and never sniffed; videos and posters play inline (ranges for seeking), images in a sandbox.</summary>
    public static IResult Serve(HttpContext http, FileContent content, bool inline)
    {
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        var disposition = new ContentDispositionHeaderValue(inline ? "inline" : "attachment");
        disposition.SetHttpFileName(content.File.FileName);
        headers.ContentDisposition = disposition.ToString();
        if (content.File.ContentType.StartsWith("image/", StringComparison.Ordinal)) headers.ContentSecurityPolicy = "sandbox";
        headers.ETag = $"\"{content.File.Sha256}\"";
        return Results.Stream(content.Content, content.File.ContentType, enableRangeProcessing: true);
    }
}

using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SproHub.Plugins.MaBoite.Publications;

internal static class PublicationEndpoints
{
    public sealed record WithdrawBody(int Version);

    public static void Map(IEndpointRouteBuilder api)
    {
        var portal = api.MapGroup("/portal");
        portal.MapGet("/", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ReadPortal(), ct))).WithSummary("Les actualités et ressources pour moi");
        portal.MapGet("/{id:guid}", async (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ReadPublication(id), ct)))
            .WithSummary("Lire une actualité ou une ressource");

        var publications = api.MapGroup("/publications");
        publications.MapGet("/", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListPublications(), ct)))
            .WithSummary("Les publications du territoire et leurs lecteurs");
        publications.MapPost("/", async (Publish request, IMediator m, CancellationToken ct) =>
        {
            var line = await m.Send(request, ct);
            return TypedResults.Created($"publications/{line.Id}", line);
        }).WithSummary("Publier une actualité ou une ressource (Markdown), ciblée par public, âge et structure");
        publications.MapPost("/{id:guid}/attachment", async (Guid id, string? name, HttpRequest request, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new AttachDocument(id, request.Body,
                Uri.UnescapeDataString(name ?? throw new SproHub.Shared.Errors.RuleViolationException("name", "obligatoire", "Donnez le nom du fichier (?name=…)."))), ct)))
            .WithSummary("Joindre un document à une publication (corps brut, 20 Mo au plus ; remplace le précédent)");
        portal.MapGet("/{id:guid}/attachment", async (Guid id, bool? inline, HttpContext http, IMediator m, CancellationToken ct) =>
            Files.FileEndpoints.Serve(http, await m.Send(new OpenAttachment(id), ct), inline == true)).WithSummary("Le document joint à une publication");
        publications.MapPost("/{id:guid}/withdrawal", async (Guid id, WithdrawBody body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new Withdraw(id, body.Version), ct))).WithSummary("Retirer une publication");
    }
}

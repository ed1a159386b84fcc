using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SproHub.Plugins.MaBoite.Files;
using SproHub.Shared.Errors;

namespace SproHub.Plugins.MaBoite.Shares;

internal static class ShareEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var mine = api.MapGroup("/shares");
        mine.MapGet("/", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListMyShares(), ct))).WithSummary("Mes partages (actifs, expirés, révoqués)");
        mine.MapPost("/", async (ShareItem request, IMediator m, CancellationToken ct) =>
        {
            var line = await m.Send(request, ct);
            return TypedResults.Created($"shares/{line.Id}", line);
        }).WithSummary("Partager un fichier ou un dossier avec un conseiller du SPRO, jusqu'à une date");
        mine.MapPost("/{id:guid}/revoke", async (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new RevokeShare(id), ct)))
            .WithSummary("Révoquer un partage");

        var received = api.MapGroup("/shared-with-me");
        received.MapGet("/", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListSharesReceived(), ct)))
            .WithSummary("Ce que les personnes accompagnées partagent avec moi");
        received.MapGet("/{shareId:guid}", async (Guid shareId, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new OpenShare(shareId), ct)))
            .WithSummary("Les documents d'un partage (lecture tracée)");
        received.MapGet("/{shareId:guid}/documents/{id:guid}/content", async (Guid shareId, Guid id, bool? inline, HttpContext http, IMediator m, CancellationToken ct) =>
            FileEndpoints.Serve(http, await m.Send(new OpenSharedDocument(shareId, id), ct), inline == true)).WithSummary("Ouvrir un document partagé (lecture tracée)");
        received.MapPost("/{shareId:guid}/documents", async (Guid shareId, Guid? replacing, string? name, HttpRequest request, IMediator m, CancellationToken ct) =>
        {
            FileEndpoints.Unlimited(request.HttpContext);
            var fileName = name ?? throw new RuleViolationException("name", "obligatoire", "Donnez le nom du fichier (?name=…).");
            var line = await m.Send(new AddToShare(shareId, replacing, request.BodyReader, Uri.UnescapeDataString(fileName), request.ContentLength), ct);
            return TypedResults.Created($"files/{line.Id}", line);
        }).WithSummary("Partage modifiable : déposer un document dans le dossier partagé, ou une version corrigée (?replacing=)");
    }
}

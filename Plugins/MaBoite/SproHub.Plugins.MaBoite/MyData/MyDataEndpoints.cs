using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using SproHub.Plugins.MaBoite.Spaces;

namespace SproHub.Plugins.MaBoite.MyData;

internal static class MyDataEndpoints
{
    public sealed record DeletionBody(string? Confirmation);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/my-data", async (HttpContext http, IMediator m, CancellationToken ct) =>
        {
            var space = await m.Send(new EnterSpace(), ct); // refusals answer before the archive starts
            // The zip's closing directory is written synchronously when it is disposed.
            if (http.Features.Get<IHttpBodyControlFeature>() is { } body) body.AllowSynchronousIO = true;
            return Results.Stream(output => m.Send(new ExportMyData(output), ct), "application/zip", $"ma-boite-spro-{space.DisplayName}.zip");
        }).WithSummary("Télécharger toutes mes données (une archive zip)");
        api.MapPost("/my-data/deletion", async (DeletionBody body, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new DeleteMySpace(body.Confirmation ?? ""), ct);
            return TypedResults.NoContent();
        }).WithSummary("Supprimer mon compte et tout mon espace (confirmation : SUPPRIMER)");
    }
}

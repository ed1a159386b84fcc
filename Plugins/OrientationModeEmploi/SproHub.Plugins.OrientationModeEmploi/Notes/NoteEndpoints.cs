using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace SproHub.Plugins.OrientationModeEmploi.Notes;

/// <summary>Under <c>/api/territories/{territory}/mode-emploi</c>; the host gates it per territory.</summary>
internal static class NoteEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/notes", async Task<Ok<IReadOnlyList<NoteView>>> (IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ListNotes(), ct))).WithSummary("Notes du territoire");
        api.MapPost("/notes", async Task<Created<NoteView>> (RecordNote request, IMediator mediator, CancellationToken ct) =>
        {
            var note = await mediator.Send(request, ct);
            return TypedResults.Created($"notes/{note.Id}", note);
        }).WithSummary("Enregistrer une note");
    }
}

using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace SproHub.Plugins.CelluleHandicap.Sessions;

internal static class SessionEndpoints
{
    public sealed record AttendanceBody(Guid PartnerId, bool Attends);

    public static void Map(IEndpointRouteBuilder api)
    {
        var sessions = api.MapGroup("/sessions");
        sessions.MapGet("/", async Task<Ok<IReadOnlyList<SessionView>>> (int? year, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListSessions(year), ct)))
            .WithSummary("Les séances de la cellule (?year=) : dates, lieux, secrétariat, nombre de situations");
        sessions.MapGet("/slots", async Task<Ok<IReadOnlyList<SlotView>>> (Guid venue, DateOnly? from, int? weeks, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new CompatibleSlots(venue, from, weeks ?? 8), ct))).WithSummary("Les demi-journées où un partenaire peut accueillir (?venue=&from=&weeks=)");
        sessions.MapPost("/", async Task<Created<SessionView>> (ScheduleSession request, IMediator m, CancellationToken ct) =>
        {
            var session = await m.Send(request, ct);
            return TypedResults.Created($"sessions/{session.Id}", session);
        }).WithSummary("Prévoir une séance (le secrétariat dont c'est le tour)");
        sessions.MapGet("/{id:guid}", async Task<Ok<AgendaView>> (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetAgenda(id), ct)))
            .WithSummary("L'ordre du jour d'une séance, selon ce que chacun peut en lire");
        sessions.MapPost("/{id:guid}/publish", async Task<Ok<SessionView>> (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new PublishAgenda(id), ct)))
            .WithSummary("Envoyer l'ordre du jour aux partenaires (le secrétariat)");
        sessions.MapPost("/{id:guid}/agenda/{situationId:guid}", async Task<Ok<SessionView>> (Guid id, Guid situationId, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new AcceptOnAgenda(id, situationId), ct))).WithSummary("Accepter une situation déposée après la date limite (le secrétariat)");
        sessions.MapPut("/{id:guid}/attendance", async Task<Ok<SessionView>> (Guid id, AttendanceBody body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new SetAttendance(id, body.PartnerId, body.Attends), ct))).WithSummary("Indiquer si un partenaire sera présent");
    }
}

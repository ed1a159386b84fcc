using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SproHub.Plugins.Comete.Programme;
using SproHub.Plugins.Comete.Replays;

namespace SproHub.Plugins.Comete.Shows;

internal static class ShowEndpoints
{
    public sealed record VersionBody(int Version);
    public sealed record ScheduleBody(DateOnly Date, TimeOnly StartTime, TimeOnly EndTime, int Version);
    public sealed record GuestBody(string Name, GuestRole Role, string? Organisation, int Version);
    public sealed record RunningOrderBody(IReadOnlyList<SegmentInput> Segments, int Version);
    public sealed record ReplayBody(string Url, DateOnly AvailableUntil, int Version);

    public static void Map(IEndpointRouteBuilder api)
    {
        var shows = api.MapGroup("/shows");
        shows.MapGet("/{id:guid}", async Task<Ok<ShowView>> (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetShow(id), ct)))
            .WithSummary("Une émission, avec son historique pour qui gère COMETE");
        shows.MapPost("/", async Task<Created<ShowView>> (ScheduleShow request, IMediator m, CancellationToken ct) =>
        {
            var show = await m.Send(request, ct);
            return TypedResults.Created($"shows/{show.Id}", show);
        }).WithSummary("Programmer une émission");
        shows.MapPut("/{id:guid}/schedule", async Task<Ok<ShowView>> (Guid id, ScheduleBody body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new RescheduleShow(id, body.Date, body.StartTime, body.EndTime, body.Version), ct))).WithSummary("Déplacer une émission");
        shows.MapPost("/{id:guid}/guests", async Task<Ok<ShowView>> (Guid id, GuestBody body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new AddGuest(id, body.Name, body.Role, body.Organisation, body.Version), ct))).WithSummary("Ajouter un invité");
        shows.MapDelete("/{id:guid}/guests/{guestId:guid}", async Task<Ok<ShowView>> (Guid id, Guid guestId, int version, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new RemoveGuest(id, guestId, version), ct))).WithSummary("Retirer un invité (?version=)");
        shows.MapPut("/{id:guid}/running-order", async Task<Ok<ShowView>> (Guid id, RunningOrderBody body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new SetRunningOrder(id, body.Segments, body.Version), ct))).WithSummary("Écrire le déroulé");
        foreach (var (path, transition, summary) in new[]
                 {
                     ("confirm", ShowTransition.Confirm, "Confirmer l'émission"),
                     ("broadcast", ShowTransition.Broadcast, "Marquer l'émission diffusée"),
                     ("cancel", ShowTransition.Cancel, "Annuler l'émission"),
                 })
        {
            shows.MapPost($"/{{id:guid}}/{path}", async Task<Ok<ShowView>> (Guid id, VersionBody body, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ChangeShowState(id, transition, body.Version), ct))).WithSummary(summary);
        }
        shows.MapPut("/{id:guid}/replay", async Task<Ok<ShowView>> (Guid id, ReplayBody body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new SetReplay(id, body.Url, body.AvailableUntil, body.Version), ct))).WithSummary("Ajouter ou modifier la rediffusion");
    }
}

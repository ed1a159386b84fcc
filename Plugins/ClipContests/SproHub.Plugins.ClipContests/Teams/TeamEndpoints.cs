using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace SproHub.Plugins.ClipContests.Teams;

internal static class TeamEndpoints
{
    public sealed record TeamBody(string Name, Guid StructureId, IReadOnlyList<ParticipantInput>? Participants, string? LeadEmail);
    public sealed record ParticipantBody(ParticipantInput Participant, int Version);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/editions/{year:int}/teams", async Task<Created<TeamView>> (int year, TeamBody body, IMediator m, CancellationToken ct) =>
        {
            var team = await m.Send(new RegisterTeam(year, body.Name ?? "", body.StructureId, body.Participants, body.LeadEmail), ct);
            return TypedResults.Created($"teams/{team.Id}", team);
        }).WithTags("Concours de clips métiers").WithSummary("Inscrire une équipe de 3 à 5 participants (l'agent qui l'inscrit l'encadre)");
        var teams = api.MapGroup("/teams").WithTags("Concours de clips métiers");
        teams.MapGet("/{id:guid}", async Task<Ok<TeamView>> (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetTeam(id), ct)))
            .WithSummary("Une équipe et ses participants (son encadrant, la coordination)");
        teams.MapPost("/{id:guid}/participants", async Task<Ok<TeamView>> (Guid id, ParticipantBody body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new AddParticipant(id, body.Participant, body.Version), ct))).WithSummary("Ajouter un participant (5 au plus ; version lue)");
        teams.MapDelete("/{id:guid}/participants/{participantId:guid}", async Task<Ok<TeamView>> (Guid id, Guid participantId, int version, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new RemoveParticipant(id, participantId, version), ct))).WithSummary("Retirer un participant (3 au moins ; ?version=)");
    }
}

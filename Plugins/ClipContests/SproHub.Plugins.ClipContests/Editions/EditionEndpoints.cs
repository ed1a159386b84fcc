using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace SproHub.Plugins.ClipContests.Editions;

internal static class EditionEndpoints
{
    public sealed record EditionBody(string? Title, IReadOnlyList<string>? Themes, DateOnly RegistrationEnds, DateOnly FilmingEnds, DateOnly SubmissionEnds,
        DateOnly JuryStarts, DateOnly JuryEnds, int Version);

    public static void Map(IEndpointRouteBuilder api)
    {
        var editions = api.MapGroup("/editions").WithTags("Concours de clips métiers");
        editions.MapGet("/", async Task<Ok<IReadOnlyList<EditionSummary>>> (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListEditions(), ct)))
            .WithSummary("Les éditions du concours dans ce territoire");
        editions.MapGet("/{year:int}", async Task<Ok<EditionView>> (int year, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetEdition(year), ct)))
            .WithSummary("Une édition : thèmes, calendrier, partenaires, équipes");
        editions.MapPost("/", async Task<Created<EditionView>> (OpenEdition request, IMediator m, CancellationToken ct) =>
        {
            var edition = await m.Send(request, ct);
            return TypedResults.Created($"editions/{edition.Year}", edition);
        }).WithSummary("Ouvrir l'édition d'une année (coordination)");
        editions.MapPut("/{year:int}", async Task<Ok<EditionView>> (int year, EditionBody body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ChangeEdition(year, body.Title ?? "", body.Themes, body.RegistrationEnds, body.FilmingEnds, body.SubmissionEnds, body.JuryStarts, body.JuryEnds, body.Version), ct)))
            .WithSummary("Modifier le titre, les thèmes ou le calendrier d'une édition (coordination ; version lue)");
    }
}

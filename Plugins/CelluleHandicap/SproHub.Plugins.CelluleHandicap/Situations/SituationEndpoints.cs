using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace SproHub.Plugins.CelluleHandicap.Situations;

internal static class SituationEndpoints
{
    public sealed record WithdrawalBody(DateOnly WithdrawnOn);

    public static void Map(IEndpointRouteBuilder api)
    {
        var situations = api.MapGroup("/situations");
        situations.MapGet("/", async Task<Ok<IReadOnlyList<SituationLine>>> (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListMySituations(), ct)))
            .WithSummary("Les situations que vous pouvez lire (lecture tracée)");
        situations.MapPost("/", async Task<Created<SubmittedSituation>> (SubmitSituation request, IMediator m, CancellationToken ct) =>
        {
            var submitted = await m.Send(request, ct);
            return TypedResults.Created($"situations/{submitted.Id}", submitted);
        }).WithSummary("Présenter une situation, avec le consentement écrit");
        situations.MapGet("/{id:guid}", async Task<Ok<SituationView>> (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetSituation(id), ct)))
            .WithSummary("La fiche d'une situation (prescripteur et partenaires présents ; lecture tracée)");
        situations.MapPost("/{id:guid}/consent-withdrawal", async Task<Ok<SituationLine>> (Guid id, WithdrawalBody body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new WithdrawConsent(id, body.WithdrawnOn), ct))).WithSummary("Enregistrer le retrait du consentement : les données sont effacées");
    }
}

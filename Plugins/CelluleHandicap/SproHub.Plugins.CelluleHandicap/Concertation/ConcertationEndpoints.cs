using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SproHub.Plugins.CelluleHandicap.Situations;

namespace SproHub.Plugins.CelluleHandicap.Concertation;

internal static class ConcertationEndpoints
{
    public sealed record InputBody(Guid PartnerId, string Text);
    public sealed record ExaminationBody(Guid SessionId, string Synthesis, string Decisions, IReadOnlyList<NextStepInput> NextSteps);
    public sealed record FollowUpBody(string Text);
    public sealed record ClosureBody(Outcome Outcome, DateOnly ClosedOn);

    public static void Map(IEndpointRouteBuilder api)
    {
        var situation = api.MapGroup("/situations/{id:guid}");
        situation.MapPost("/inputs", async Task<NoContent> (Guid id, InputBody body, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new AddPartnerInput(id, body.PartnerId, body.Text), ct);
            return TypedResults.NoContent();
        }).WithSummary("Ajouter ce que le partenaire sait, avant la séance");
        situation.MapPost("/examinations", async Task<NoContent> (Guid id, ExaminationBody body, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new RecordExamination(id, body.SessionId, body.Synthesis, body.Decisions, body.NextSteps ?? []), ct);
            return TypedResults.NoContent();
        }).WithSummary("Compléter la fiche diagnostic, les décisions et les suites (le prescripteur)");
        situation.MapPost("/follow-ups", async Task<NoContent> (Guid id, FollowUpBody body, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new RecordFollowUp(id, body.Text), ct);
            return TypedResults.NoContent();
        }).WithSummary("Donner le point de situation (le prescripteur)");
        situation.MapPost("/closure", async Task<NoContent> (Guid id, ClosureBody body, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new CloseSituation(id, body.Outcome, body.ClosedOn), ct);
            return TypedResults.NoContent();
        }).WithSummary("Clore la situation avec son issue (le prescripteur)");
    }
}

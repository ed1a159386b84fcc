using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SproHub.Plugins.ClipContests.Gallery;
using SproHub.Plugins.ClipContests.Questionnaire;

namespace SproHub.Plugins.ClipContests.Screening;

/// <summary>The screening and the prize-giving's questionnaire.</summary>
internal static class ScreeningEndpoints
{
    public sealed record PlanBody(DateTime StartsAt, string? Venue, IReadOnlyList<Guid>? Programme, int? Version);
    public sealed record AttendanceBody(int Attendance, int Version);
    public sealed record OpenBody(bool Open);
    public sealed record AnswerBody(Respondent Respondent, int Satisfaction, bool KnewSproBefore, bool KnowsWhereToAsk, bool WantsToDiscoverAJob, string? Comment);

    public static void Map(IEndpointRouteBuilder api)
    {
        var edition = api.MapGroup("/editions/{year:int}").WithTags("Concours de clips métiers — projection et questionnaire");
        edition.MapGet("/screening", async Task<Results<Ok<ScreeningView>, NoContent>> (int year, IMediator m, CancellationToken ct) =>
            await m.Send(new GetScreening(year), ct) is { } screening ? TypedResults.Ok(screening) : TypedResults.NoContent())
            .AllowAnonymous().WithSummary("La projection : date, lieu, programme dans l'ordre (publique)");
        edition.MapPut("/screening", async Task<Ok<ScreeningView>> (int year, PlanBody body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new PlanScreening(year, body.StartsAt, body.Venue ?? "", body.Programme, body.Version), ct)))
            .WithSummary("Prévoir la projection et son programme (coordination ; clips avec toutes leurs autorisations ; version lue pour modifier)");
        edition.MapPut("/screening/attendance", async Task<Ok<ScreeningView>> (int year, AttendanceBody body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new RecordAttendance(year, body.Attendance, body.Version), ct))).WithSummary("Noter le nombre de spectateurs (après la projection)");
        edition.MapPost("/questionnaire/answers", async Task<NoContent> (int year, AnswerBody body, HttpContext http, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new AnswerQuestionnaire(year, GalleryEndpoints.RequiredVisitorKey(http), body.Respondent, body.Satisfaction, body.KnewSproBefore, body.KnowsWhereToAsk,
                body.WantsToDiscoverAJob, body.Comment), ct);
            return TypedResults.NoContent();
        }).AllowAnonymous().WithSummary("Répondre au questionnaire de la remise des prix (anonyme, une fois par téléphone)");
        edition.MapPut("/questionnaire/open", async Task<NoContent> (int year, OpenBody body, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new OpenQuestionnaire(year, body.Open), ct);
            return TypedResults.NoContent();
        }).WithSummary("Ouvrir ou fermer le questionnaire (coordination)");
        edition.MapGet("/questionnaire/results", async Task<Ok<QuestionnaireResults>> (int year, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new GetQuestionnaireResults(year), ct))).WithSummary("Les réponses comptées par question (coordination)");
    }
}

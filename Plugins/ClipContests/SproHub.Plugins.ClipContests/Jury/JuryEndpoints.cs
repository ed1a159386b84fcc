using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SproHub.Plugins.ClipContests.Clips;

namespace SproHub.Plugins.ClipContests.Jury;

internal static class JuryEndpoints
{
    /// <summary>A member of the jury; its president only when said so.</summary>
    public sealed record MemberBody(string? Email, string? Name, Guid? StructureId, bool IsPresident = false);
    public sealed record GridBody(IReadOnlyList<CriterionView>? Criteria);
    public sealed record ConflictBody(Guid TeamId, ConflictReason Reason, string? Note);
    public sealed record ScoreBody(IReadOnlyList<int>? Marks);
    public sealed record CloseBody(int Version);
    public sealed record PodiumBody(IReadOnlyList<Guid>? Podium);

    public static void Map(IEndpointRouteBuilder api)
    {
        var jury = api.MapGroup("/editions/{year:int}/jury").WithTags("Concours de clips métiers — jury");
        jury.MapGet("/", async Task<Ok<JuryView>> (int year, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetJury(year), ct)))
            .WithSummary("Le jury : grille, membres et avancement, clips en compétition, mes notes ; le classement une fois le jury clos");
        jury.MapPost("/members", async Task<Created<JuryMemberView>> (int year, MemberBody body, IMediator m, CancellationToken ct) =>
        {
            var member = await m.Send(new InviteJuryMember(year, body.Email ?? "", body.Name ?? "", body.StructureId, body.IsPresident), ct);
            return TypedResults.Created($"jury/members/{member.Id}", member);
        }).WithSummary("Inviter un juré (coordination) ; son compte reçoit le rôle de juré et un courriel");
        jury.MapPut("/grid", async Task<Ok<IReadOnlyList<CriterionView>>> (int year, GridBody body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ChangeGrid(year, body.Criteria), ct))).WithSummary("La grille de notation : critères et poids (coordination, avant l'ouverture du jury)");
        jury.MapPost("/conflicts", async Task<NoContent> (int year, ConflictBody body, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new DeclareConflict(year, body.TeamId, body.Reason, body.Note), ct);
            return TypedResults.NoContent();
        }).WithSummary("Déclarer un conflit d'intérêts avec une équipe (le juré ne note pas son clip)");
        jury.MapPut("/scores/{clipId:guid}", async Task<NoContent> (int year, Guid clipId, ScoreBody body, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new ScoreClip(year, clipId, body.Marks), ct);
            return TypedResults.NoContent();
        }).WithSummary("Noter un clip : une note de 0 à 20 par critère de la grille, dans l'ordre (pendant le jury)");
        jury.MapPost("/close", async Task<NoContent> (int year, CloseBody body, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new CloseJury(year, body.Version), ct);
            return TypedResults.NoContent();
        }).WithSummary("Clore le jury (coordination ; toutes les notes données)");
        jury.MapPost("/prizes", async Task<Ok<IReadOnlyList<Prize>>> (int year, PodiumBody body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ConfirmPrizes(year, body.Podium), ct))).WithSummary("Confirmer les trois clips primés, dans l'ordre (président du jury)");
        jury.MapGet("/clips/{clipId:guid}/{kind}", async (int year, Guid clipId, ClipFileKind kind, HttpContext http, IMediator m, CancellationToken ct) =>
            ClipEndpoints.Serve(http, await m.Send(new OpenCompetingClipFile(year, clipId, kind), ct), inline: true)).WithSummary("Regarder un clip en compétition");
    }
}

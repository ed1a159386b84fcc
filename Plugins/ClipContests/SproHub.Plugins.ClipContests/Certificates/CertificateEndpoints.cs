using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace SproHub.Plugins.ClipContests.Certificates;

internal static class CertificateEndpoints
{
    public sealed record SkillsBody(IReadOnlyList<string>? Skills, string? Other, int Version);

    public static void Map(IEndpointRouteBuilder api)
    {
        var team = api.MapGroup("/teams/{id:guid}").WithTags("Concours de clips métiers");
        team.MapGet("/certificates", async Task<Ok<IReadOnlyList<Certificate>>> (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetCertificates(id), ct)))
            .WithSummary("Les attestations d'expérience des participants (une fois le palmarès confirmé)");
        team.MapGet("/certificates.pdf", async (Guid id, IMediator m, CancellationToken ct) =>
        {
            var certificates = await m.Send(new GetCertificates(id), ct);
            return Results.File(CertificatePdf.Render(certificates), "application/pdf", $"attestations-{Slug(certificates.FirstOrDefault()?.TeamName)}.pdf");
        }).WithSummary("Les attestations en PDF, une page par participant");
        team.MapPut("/skills", async Task<Ok<Teams.TeamView>> (Guid id, SkillsBody body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ChooseSkills(id, body.Skills, body.Other, body.Version), ct)))
            .WithSummary("Les compétences que le projet a développées, pour les attestations (encadrant ; version lue)");
    }

    private static string Slug(string? name) =>
        new string((name ?? "equipe").Normalize(System.Text.NormalizationForm.FormD).Where(c => char.IsAsciiLetterOrDigit(c) || c == ' ').ToArray()).Trim().Replace(' ', '-').ToLowerInvariant();
}

using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace SproHub.Plugins.CelluleHandicap.Partners;

internal static class PartnerEndpoints
{
    public sealed record RepresentativeBody(string Email, string Name);
    public sealed record ChangeBody(bool HostsSessions, int? SecretariatTurn, IReadOnlyList<UnavailabilityInput>? Unavailabilities, int Version);

    public static void Map(IEndpointRouteBuilder api)
    {
        var partners = api.MapGroup("/partners");
        partners.MapGet("/", async Task<Ok<IReadOnlyList<PartnerView>>> (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListPartners(), ct)))
            .WithSummary("Les partenaires de la cellule, leurs indisponibilités et leurs représentants");
        partners.MapPost("/", async Task<Created<PartnerView>> (AddPartner request, IMediator m, CancellationToken ct) =>
        {
            var partner = await m.Send(request, ct);
            return TypedResults.Created($"partners/{partner.Id}", partner);
        }).WithSummary("Ajouter un partenaire (coordination)");
        partners.MapPut("/{id:guid}", async Task<Ok<PartnerView>> (Guid id, ChangeBody body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ChangePartner(id, body.HostsSessions, body.SecretariatTurn, body.Unavailabilities, body.Version), ct)))
            .WithSummary("Modifier l'accueil, les indisponibilités et le tour de secrétariat d'un partenaire (coordination ; version lue)");
        partners.MapPost("/{id:guid}/representatives", async Task<Ok<PartnerView>> (Guid id, RepresentativeBody body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new AddRepresentative(id, body.Email, body.Name), ct))).WithSummary("Désigner un représentant du partenaire");
        partners.MapDelete("/{id:guid}/representatives/{representativeId:guid}", async Task<Ok<PartnerView>> (Guid id, Guid representativeId, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new RemoveRepresentative(id, representativeId), ct))).WithSummary("Retirer un représentant");
    }
}

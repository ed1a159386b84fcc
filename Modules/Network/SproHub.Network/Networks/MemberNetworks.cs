using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SproHub.Network.Data;
using SproHub.Network.Structures;
using SproHub.Shared.Audit;
using SproHub.Shared.Errors;
using SproHub.Shared.Security;

namespace SproHub.Network.Networks;

/// <summary>A member network the Région added to the built-in ones (a structure of type « Autre » then belongs to it).</summary>
public sealed class MemberNetwork
{
    public required string Code { get; set; }
    public required string Label { get; set; }
    public DateTimeOffset AddedAt { get; set; }
    public string? AddedBy { get; set; }
}

/// <param name="Code">The type's name (<c>Cio</c>) for a built-in network, the Région's code for an added one.</param>
public sealed record NetworkView(string Code, string Label, bool AddedByRegion, int Structures);

/// <summary>Every member network of the SPRO: the built-in ones, then those the Région added, with their structures' count.</summary>
public sealed record ListNetworks : IRequest<IReadOnlyList<NetworkView>>;

/// <summary>A network to choose in a form: its code and label, never its structures' count.</summary>
public sealed record NetworkChoice(string Code, string Label, bool AddedByRegion);

/// <summary>
/// The member networks to choose from (the directory's search, a structure's form): the built-in ones, then those the
/// Région added. Counting each network's structures groups the whole directory; a form needs none of it.
/// </summary>
public sealed record ListNetworkChoices : IRequest<IReadOnlyList<NetworkChoice>>;

/// <summary>The Région adds a member network (never renamed afterwards: structures carry its label).</summary>
[RequiresPermission(NetworkModule.ManageNetworksPermission)]
public sealed record AddNetwork(string Label) : IRequest<NetworkView>;

public sealed class AddNetworkValidator : AbstractValidator<AddNetwork>
{
    public AddNetworkValidator() => RuleFor(r => r.Label).NotEmpty().WithMessage("Nommez le réseau.").MaximumLength(60)
        .Must(label => DirectoryText.Words(label).Count > 0).WithErrorCode("nom-lisible").WithMessage("Le nom du réseau contient au moins une lettre ou un chiffre.");
}

internal sealed class MemberNetworkHandlers(NetworkDbContext db, ICurrentUser user, IAuditLog audit, TimeProvider clock)
    : IRequestHandler<ListNetworks, IReadOnlyList<NetworkView>>, IRequestHandler<AddNetwork, NetworkView>, IRequestHandler<ListNetworkChoices, IReadOnlyList<NetworkChoice>>
{
    public async Task<IReadOnlyList<NetworkChoice>> Handle(ListNetworkChoices request, CancellationToken cancellationToken)
    {
        var added = await db.MemberNetworks.AsNoTracking().OrderBy(n => n.Label).Select(n => new NetworkChoice(n.Code, n.Label, true)).ToListAsync(cancellationToken);
        return Enum.GetValues<StructureType>().Where(t => t != StructureType.Autre)
            .Select(t => new NetworkChoice(t.ToString(), Structure.TypeLabel(t), false)).Concat(added).ToList();
    }

    /// <summary>The choices with their structures' count: a built-in network counts its type, an added one the « Autre » structures naming it.</summary>
    public async Task<IReadOnlyList<NetworkView>> Handle(ListNetworks request, CancellationToken cancellationToken)
    {
        var counts = await db.Structures.AsNoTracking().GroupBy(s => new { s.Type, s.OtherNetwork }).Select(g => new { g.Key.Type, g.Key.OtherNetwork, Count = g.Count() }).ToListAsync(cancellationToken);
        return (await Handle(new ListNetworkChoices(), cancellationToken)).Select(n => new NetworkView(n.Code, n.Label, n.AddedByRegion,
            counts.Where(c => n.AddedByRegion ? c.Type == StructureType.Autre && c.OtherNetwork == n.Label : c.Type.ToString() == n.Code).Sum(c => c.Count))).ToList();
    }

    public async Task<NetworkView> Handle(AddNetwork request, CancellationToken cancellationToken)
    {
        var label = request.Label.Trim();
        var code = string.Join('-', DirectoryText.Words(label));
        var builtIn = Enum.GetValues<StructureType>().Any(t => DirectoryText.Normalize(Structure.TypeLabel(t)) == DirectoryText.Normalize(label) || string.Equals(t.ToString(), code, StringComparison.OrdinalIgnoreCase));
        if (builtIn || await db.MemberNetworks.AnyAsync(n => n.Code == code, cancellationToken))
            throw new RuleViolationException("label", "reseau-unique", $"Le réseau « {label} » existe déjà.");
        var network = new MemberNetwork { Code = code, Label = label, AddedAt = clock.GetUtcNow(), AddedBy = user.DisplayName };
        db.MemberNetworks.Add(network);
        audit.Queue(db, new AuditEntry(NetworkModule.Id, "reseau.ajoute", "reseau", code, null, label));
        await db.SaveChangesAsync(cancellationToken);
        return new NetworkView(code, label, true, 0);
    }
}

internal static class MemberNetworkEndpoints
{
    public sealed record NetworkBody(string Label);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/networks", async Task<Ok<IReadOnlyList<NetworkView>>> (IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ListNetworks(), ct))).AllowAnonymous().WithSummary("Les réseaux membres du SPRO (intégrés et ajoutés par la Région)");
        api.MapPost("/networks", async Task<Created<NetworkView>> (NetworkBody body, IMediator mediator, CancellationToken ct) =>
        {
            var network = await mediator.Send(new AddNetwork(body.Label), ct);
            return TypedResults.Created($"/api/network/networks", network);
        }).WithSummary("Région : ajouter un réseau membre");
    }
}

using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SproHub.Governance.Data;
using SproHub.Shared.Errors;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Governance.Agreements;

/// <param name="ResourcePartner">A PRC-VAE: a resource partner of every local SPRO (seed 001), not a member like the others.</param>
public sealed record PartyView(Guid? StructureId, string Name, string Network, DateOnly JoinedOn, int? AmendmentNumber)
{
    public bool ResourcePartner => ResourcePartners.Is(Network);
}

/// <summary>The resource partners (<i>partenaires ressources</i>): the PRC-VAE sign every local SPRO's agreement as such (seed 001); no other network does.</summary>
public static class ResourcePartners
{
    public const string Network = "PRC-VAE";

    public static bool Is(string network) => network == Network;
}

public sealed record SignatureView(Guid StructureId, string StructureName, bool Signed, DateOnly? SignedOn, string? SignatoryName, string? SignatoryRole,
    SignatureMethod? Method, string? DocumentName, int Reminders, DateTimeOffset? LastRemindedAt);

public sealed record AmendmentView(Guid Id, Guid AgreementId, int Number, string Title, string Purpose, AmendmentStatus Status, string StatusLabel,
    DateOnly? CprVoteOn, DateTimeOffset? SentAt, DateTimeOffset? ForwardedAt, DateOnly? CompiledOn,
    IReadOnlyList<PartyView> NewPartners, IReadOnlyList<SignatureView> Signatures, int SignedCount, int Version);

public sealed record AgreementView(Guid Id, AgreementKind Kind, string KindLabel, string TerritoryId, string Title, DateOnly SignedOn, DateOnly SignatoriesOn,
    IReadOnlyList<PartyView> Signatories, IReadOnlyList<AmendmentView> Amendments, int Version);

/// <summary>The agreements the current local SPRO works under: the regional specification and its own implementation agreement.</summary>
[RequiresPermission(GovernanceModule.ReadPermission)]
public sealed record ListAgreements : IRequest<IReadOnlyList<AgreementView>>;

/// <summary>An agreement with its signatories on a date (today by default): who had joined, by which amendment.</summary>
[RequiresPermission(GovernanceModule.ReadPermission)]
public sealed record GetAgreement(Guid Id, DateOnly? SignatoriesOn = null) : IRequest<AgreementView>;

[RequiresPermission(GovernanceModule.ReadPermission)]
public sealed record GetAmendment(Guid Id) : IRequest<AmendmentView>;

internal sealed class ReadAgreementsHandlers(GovernanceDbContext db, TimeProvider clock)
    : IRequestHandler<ListAgreements, IReadOnlyList<AgreementView>>, IRequestHandler<GetAgreement, AgreementView>, IRequestHandler<GetAmendment, AmendmentView>
{
    public async Task<IReadOnlyList<AgreementView>> Handle(ListAgreements request, CancellationToken cancellationToken)
    {
        var agreements = await db.Agreements.AsNoTracking().Include(a => a.Parties).OrderBy(a => a.Kind).ThenBy(a => a.SignedOn).ToListAsync(cancellationToken);
        var amendments = await db.Amendments.AsNoTracking().Include(a => a.NewPartners).Include(a => a.Signatures).ToListAsync(cancellationToken);
        var today = ParisTime.Today(clock);
        return agreements.Select(a => a.View(today, amendments.Where(x => x.AgreementId == a.Id))).ToList();
    }

    public async Task<AgreementView> Handle(GetAgreement request, CancellationToken cancellationToken)
    {
        var agreement = await db.Agreements.AsNoTracking().Include(a => a.Parties).FirstOrDefaultAsync(a => a.Id == request.Id, cancellationToken)
                        ?? throw new NotFoundException("Cette convention n'existe pas pour ce territoire.");
        var amendments = await db.Amendments.AsNoTracking().Include(a => a.NewPartners).Include(a => a.Signatures).Where(a => a.AgreementId == agreement.Id).ToListAsync(cancellationToken);
        return agreement.View(request.SignatoriesOn ?? ParisTime.Today(clock), amendments);
    }

    public async Task<AmendmentView> Handle(GetAmendment request, CancellationToken cancellationToken) =>
        (await db.Amendments.AsNoTracking().LoadAsync(request.Id, cancellationToken)).View();
}

internal static class AgreementMapping
{
    public static AgreementView View(this Agreement a, DateOnly on, IEnumerable<Amendment> amendments) =>
        new(a.Id, a.Kind, AmendmentLabels.Of(a.Kind), a.TerritoryId, a.Title, a.SignedOn, on,
            a.SignatoriesAt(on).Select(p => new PartyView(p.StructureId, p.Name, p.Network, p.JoinedOn, p.AmendmentNumber)).ToList(),
            amendments.OrderBy(x => x.Number).Select(x => x.View()).ToList(), a.Version);

    public static AmendmentView View(this Amendment a) =>
        new(a.Id, a.AgreementId, a.Number, a.Title, a.Purpose, a.Status, AmendmentLabels.Of(a.Status), a.CprVoteOn, a.SentAt, a.ForwardedAt, a.CompiledOn,
            a.NewPartners.Select(p => new PartyView(p.StructureId, p.Name, p.Network, a.CompiledOn ?? default, a.Number)).ToList(),
            a.Signatures.OrderBy(s => s.SignedOn is not null).ThenBy(s => s.StructureName)
                .Select(s => new SignatureView(s.StructureId, s.StructureName, s.SignedOn is not null, s.SignedOn, s.SignatoryName, s.SignatoryRole, s.Method, s.DocumentName, s.Reminders, s.LastRemindedAt)).ToList(),
            a.Signatures.Count(s => s.SignedOn is not null), a.Version);

    /// <summary>The amendment of the current territory with its partners and signatures, or 404.</summary>
    public static async Task<Amendment> LoadAsync(this IQueryable<Amendment> amendments, Guid id, CancellationToken cancellationToken) =>
        await amendments.Include(a => a.NewPartners).Include(a => a.Signatures).AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
        ?? throw new NotFoundException("Cet avenant n'existe pas pour ce territoire.");
}

internal static class ReadAgreementEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/agreements", async Task<Ok<IReadOnlyList<AgreementView>>> (IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ListAgreements(), ct))).WithSummary("Cahier des charges régional et convention de mise en œuvre du territoire, avec leurs avenants");
        api.MapGet("/agreements/{id:guid}", async Task<Ok<AgreementView>> (Guid id, DateOnly? signatoriesOn, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetAgreement(id, signatoriesOn), ct))).WithSummary("Une convention et ses signataires à une date (signatoriesOn, aujourd'hui par défaut)");
        api.MapGet("/amendments/{id:guid}", async Task<Ok<AmendmentView>> (Guid id, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetAmendment(id), ct))).WithSummary("Un avenant : étapes, nouveaux partenaires et état de chaque signature");
    }
}

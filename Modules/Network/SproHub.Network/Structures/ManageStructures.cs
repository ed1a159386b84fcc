using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SproHub.Network.Data;
using SproHub.Shared.Audit;
using SproHub.Shared.Data;
using SproHub.Shared.Errors;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Network.Structures;

/// <param name="Network">With the type <c>Autre</c>: the code of the network the Région added.</param>
public sealed record StructureView(Guid Id, string Name, StructureType Type, string TypeLabel, string Town, string TerritoryId, string? Address,
    IReadOnlyList<PublicServed> Public, int Version, string? Network = null, bool DepartmentWide = false)
{
    public static StructureView From(Structure s, string? networkCode = null) =>
        new(s.Id, s.Name, s.Type, s.NetworkLabel, s.Town, s.TerritoryId, s.Address, s.PublicList.ToList(), s.Version, networkCode, s.DepartmentWide);
}

/// <summary>What a structure's form says, for a new structure and an edited one.</summary>
public interface IStructureContent
{
    string Name { get; }
    StructureType? Type { get; }
    string Town { get; }
    string? Address { get; }
    IReadOnlyList<PublicServed>? Public { get; }
    /// <summary>With the type <c>Autre</c>: the code of one of the networks the Région added.</summary>
    string? Network { get; }
    /// <summary>Serves its whole department: the local committees of the department always invite it.</summary>
    bool DepartmentWide { get; }
}

/// <summary>Adds a member structure to the current local SPRO (its coordinator, or the Région).</summary>
[RequiresPermission(NetworkModule.ManageStructuresPermission)]
public sealed record CreateStructure(string Name, StructureType? Type, string Town, string? Address, IReadOnlyList<PublicServed>? Public, string? Network = null, bool DepartmentWide = false)
    : IRequest<StructureView>, IStructureContent;

[RequiresPermission(NetworkModule.ManageStructuresPermission)]
public sealed record UpdateStructure(Guid Id, string Name, StructureType? Type, string Town, string? Address, IReadOnlyList<PublicServed>? Public, int Version, string? Network = null, bool DepartmentWide = false)
    : IRequest<StructureView>, IStructureContent, IVersionedRequest;

/// <summary>A structure of the current local SPRO as its form shows it.</summary>
[RequiresPermission(NetworkModule.ManageStructuresPermission)]
public sealed record GetStructure(Guid Id) : IRequest<StructureView>;

internal sealed class GetStructureHandler(NetworkDbContext db, ITerritoryContext territory) : IRequestHandler<GetStructure, StructureView>
{
    public async Task<StructureView> Handle(GetStructure request, CancellationToken cancellationToken)
    {
        var slug = territory.Current!.Slug;
        var structure = await db.Structures.AsNoTracking().FirstOrDefaultAsync(s => s.Id == request.Id && s.TerritoryId == slug, cancellationToken)
            ?? throw new NotFoundException("Cette structure n'est pas une structure membre de ce territoire.");
        return StructureView.From(structure, await db.MemberNetworks.Where(n => n.Label == structure.OtherNetwork).Select(n => n.Code).FirstOrDefaultAsync(cancellationToken));
    }
}

public sealed class StructureContentValidator : AbstractValidator<IStructureContent>
{
    public StructureContentValidator()
    {
        RuleFor(r => r.Name).NotEmpty().WithMessage("Nommez la structure.").MaximumLength(200);
        RuleFor(r => r.Type).NotNull().WithMessage("Choisissez le type de structure.").IsInEnum();
        RuleFor(r => r.Town).NotEmpty().WithMessage("Indiquez la ville.").MaximumLength(100);
        RuleFor(r => r.Address).MaximumLength(300);
        RuleForEach(r => r.Public).IsInEnum().Must(p => p != PublicServed.None).WithMessage("Public inconnu.");
    }
}

public sealed class CreateStructureValidator : AbstractValidator<CreateStructure>
{
    public CreateStructureValidator() => Include(new StructureContentValidator());
}

public sealed class UpdateStructureValidator : AbstractValidator<UpdateStructure>
{
    public UpdateStructureValidator() => Include(new StructureContentValidator());
}

internal sealed class StructureHandlers(NetworkDbContext db, ITerritoryContext territory, IAuditLog audit)
    : IRequestHandler<CreateStructure, StructureView>, IRequestHandler<UpdateStructure, StructureView>
{
    public async Task<StructureView> Handle(CreateStructure request, CancellationToken cancellationToken)
    {
        var structure = new Structure { Name = "", Town = "", TerritoryId = territory.Current!.Slug };
        await ApplyAsync(structure, request, cancellationToken);
        db.Structures.Add(structure);
        audit.Queue(db, new AuditEntry(NetworkModule.Id, "structure.creee", "structure", structure.Id.ToString(), structure.TerritoryId, structure.Name));
        await db.SaveChangesAsync(cancellationToken);
        return StructureView.From(structure);
    }

    public async Task<StructureView> Handle(UpdateStructure request, CancellationToken cancellationToken)
    {
        var slug = territory.Current!.Slug;
        var structure = await db.Structures.FirstOrDefaultAsync(s => s.Id == request.Id && s.TerritoryId == slug, cancellationToken)
            ?? throw new NotFoundException("Cette structure n'est pas une structure membre de ce territoire.");
        db.Entry(structure).ExpectVersion(request.Version);
        await ApplyAsync(structure, request, cancellationToken);
        audit.Queue(db, new AuditEntry(NetworkModule.Id, "structure.modifiee", "structure", structure.Id.ToString(), structure.TerritoryId, structure.Name));
        await db.SaveChangesAsync(cancellationToken);
        return StructureView.From(structure);
    }

    /// <summary>Two structures of one local SPRO never share a name: the directory and the plugins tell them apart by it.</summary>
    private async Task ApplyAsync(Structure structure, IStructureContent content, CancellationToken cancellationToken)
    {
        var name = content.Name.Trim();
        var taken = await db.Structures.Where(s => s.TerritoryId == structure.TerritoryId && s.Id != structure.Id).Select(s => s.Name).ToListAsync(cancellationToken);
        if (taken.Any(n => string.Equals(n, name, StringComparison.CurrentCultureIgnoreCase)))
            throw new RuleViolationException("name", "structure-unique", $"Une structure « {name} » existe déjà dans ce territoire.");
        structure.Name = name;
        structure.Type = content.Type!.Value;
        structure.OtherNetwork = null;
        if (structure.Type == StructureType.Autre && !string.IsNullOrWhiteSpace(content.Network))
            structure.OtherNetwork = await db.MemberNetworks.Where(n => n.Code == content.Network).Select(n => n.Label).FirstOrDefaultAsync(cancellationToken)
                ?? throw new RuleViolationException("network", "reseau-connu", $"« {content.Network} » n'est pas un réseau ajouté par la Région (voir /reseaux).");
        structure.Town = content.Town.Trim();
        structure.Address = string.IsNullOrWhiteSpace(content.Address) ? null : content.Address.Trim();
        structure.Public = (content.Public ?? []).Aggregate(PublicServed.None, (all, p) => all | p);
        structure.DepartmentWide = content.DepartmentWide;
        await db.IndexAsync(structure, cancellationToken);
    }
}

internal static class StructureEndpoints
{
    public sealed record StructureBody(string Name, StructureType? Type, string Town, string? Address, IReadOnlyList<PublicServed>? Public, int Version, string? Network, bool DepartmentWide = false);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/structures", async Task<Created<StructureView>> (CreateStructure request, IMediator mediator, CancellationToken ct) =>
        {
            var structure = await mediator.Send(request, ct);
            return TypedResults.Created($"/api/network/directory/{structure.Id}", structure);
        }).WithSummary("Ajouter une structure membre au territoire");
        api.MapGet("/structures/{id:guid}", async Task<Ok<StructureView>> (Guid id, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetStructure(id), ct))).WithSummary("Une structure membre, avec sa version (pour la modifier)");
        api.MapPut("/structures/{id:guid}", async Task<Ok<StructureView>> (Guid id, StructureBody body, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new UpdateStructure(id, body.Name, body.Type, body.Town, body.Address, body.Public, body.Version, body.Network, body.DepartmentWide), ct)))
            .WithSummary("Modifier une structure membre (version requise)");
    }
}

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

public sealed record OpeningRange(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);

public sealed record ReceptionPointView(Guid Id, Guid StructureId, string Name, string Address, string Town, string? Phone, IReadOnlyList<PublicServed> Public,
    IReadOnlyList<string> PublicLabels, IReadOnlyList<OpeningRange> Hours, IReadOnlyList<string> HoursText, int Version)
{
    public static ReceptionPointView From(ReceptionPoint p) => new(p.Id, p.StructureId, p.Name, p.Address, p.Town, p.Phone,
        Structure.Publics.Where(x => p.Public.HasFlag(x)).ToList(), Structure.Publics.Where(x => p.Public.HasFlag(x)).Select(Structure.PublicLabel).ToList(),
        p.Hours.OrderBy(h => OpeningHours.Week.ToList().IndexOf(h.Day)).ThenBy(h => h.Opens).Select(h => new OpeningRange(h.Day, h.Opens, h.Closes)).ToList(),
        OpeningHours.Describe(p.Hours).Select(d => $"{d.Day} : {d.Ranges}").ToList(), p.Version);
}

public interface IReceptionPointContent
{
    string Name { get; }
    string Address { get; }
    string Town { get; }
    string? Phone { get; }
    IReadOnlyList<PublicServed>? Public { get; }
    IReadOnlyList<OpeningRange>? Hours { get; }
}

/// <summary>Adds a reception point (a seat or an antenna) to a structure of the current local SPRO.</summary>
[RequiresPermission(NetworkModule.ManageStructuresPermission)]
public sealed record AddReceptionPoint(Guid StructureId, string Name, string Address, string Town, string? Phone, IReadOnlyList<PublicServed>? Public, IReadOnlyList<OpeningRange>? Hours)
    : IRequest<ReceptionPointView>, IReceptionPointContent;

[RequiresPermission(NetworkModule.ManageStructuresPermission)]
public sealed record UpdateReceptionPoint(Guid Id, string Name, string Address, string Town, string? Phone, IReadOnlyList<PublicServed>? Public, IReadOnlyList<OpeningRange>? Hours, int Version)
    : IRequest<ReceptionPointView>, IReceptionPointContent, IVersionedRequest;

[RequiresPermission(NetworkModule.ManageStructuresPermission)]
public sealed record RemoveReceptionPoint(Guid Id, int Version) : IRequest<Unit>, IVersionedRequest;

public sealed class ReceptionPointContentValidator : AbstractValidator<IReceptionPointContent>
{
    public ReceptionPointContentValidator()
    {
        RuleFor(r => r.Name).NotEmpty().WithMessage("Nommez le point d'accueil (« siège », « antenne de Loches »...).").MaximumLength(200);
        RuleFor(r => r.Address).NotEmpty().WithMessage("Indiquez l'adresse.").MaximumLength(300);
        RuleFor(r => r.Town).NotEmpty().WithMessage("Indiquez la ville.").MaximumLength(100);
        RuleFor(r => r.Phone).MaximumLength(30).Matches(@"^[0-9 +.()-]*$").WithErrorCode("telephone").WithMessage("Le téléphone ne contient que des chiffres, espaces, points, tirets ou +.");
        RuleForEach(r => r.Public).IsInEnum().Must(p => p != PublicServed.None).WithMessage("Public inconnu.");
        RuleForEach(r => r.Hours).NotNull().WithMessage("Une plage horaire est vide.")
            .ChildRules(h => h.RuleFor(x => x.Day).IsInEnum().WithErrorCode("jour-connu").WithMessage("Jour inconnu : Monday à Sunday."));
        RuleFor(r => r.Hours).Custom((hours, context) =>
        {
            if (hours is null || hours.Any(h => h is null || !Enum.IsDefined(h.Day))) return;
            if (OpeningHours.Check(hours.Select(h => new OpeningSlot { Day = h.Day, Opens = h.Opens, Closes = h.Closes }).ToList()) is { } broken)
                context.AddFailure(new FluentValidation.Results.ValidationFailure("hours", broken.Message) { ErrorCode = broken.Rule });
        });
    }
}

public sealed class AddReceptionPointValidator : AbstractValidator<AddReceptionPoint>
{
    public AddReceptionPointValidator() => Include(new ReceptionPointContentValidator());
}

public sealed class UpdateReceptionPointValidator : AbstractValidator<UpdateReceptionPoint>
{
    public UpdateReceptionPointValidator() => Include(new ReceptionPointContentValidator());
}

internal sealed class ReceptionPointHandlers(NetworkDbContext db, ITerritoryContext territory, IAuditLog audit)
    : IRequestHandler<AddReceptionPoint, ReceptionPointView>, IRequestHandler<UpdateReceptionPoint, ReceptionPointView>, IRequestHandler<RemoveReceptionPoint, Unit>
{
    private string Slug => territory.Current!.Slug;

    public async Task<ReceptionPointView> Handle(AddReceptionPoint request, CancellationToken cancellationToken)
    {
        var structure = await db.Structures.FirstOrDefaultAsync(s => s.Id == request.StructureId && s.TerritoryId == Slug, cancellationToken)
                        ?? throw new NotFoundException("Cette structure n'est pas une structure membre de ce territoire.");
        var point = new ReceptionPoint { StructureId = structure.Id, Name = "", Address = "", Town = "" };
        Apply(point, request);
        db.ReceptionPoints.Add(point);
        await ReindexAsync(structure, point, cancellationToken);
        audit.Queue(db, new AuditEntry(NetworkModule.Id, "point-accueil.ajoute", "point-accueil", point.Id.ToString(), Slug, $"{structure.Name} : {point.Name} ({point.Town})"));
        await db.SaveChangesAsync(cancellationToken);
        return ReceptionPointView.From(point);
    }

    public async Task<ReceptionPointView> Handle(UpdateReceptionPoint request, CancellationToken cancellationToken)
    {
        var (point, structure) = await LoadAsync(request.Id, request.Version, cancellationToken);
        Apply(point, request);
        db.Entry(point).Property(p => p.Version).IsModified = true; // hours alone are child rows: the point's version still moves
        await ReindexAsync(structure, point, cancellationToken);
        audit.Queue(db, new AuditEntry(NetworkModule.Id, "point-accueil.modifie", "point-accueil", point.Id.ToString(), Slug, $"{structure.Name} : {point.Name} ({point.Town})"));
        await db.SaveChangesAsync(cancellationToken);
        return ReceptionPointView.From(point);
    }

    public async Task<Unit> Handle(RemoveReceptionPoint request, CancellationToken cancellationToken)
    {
        var (point, structure) = await LoadAsync(request.Id, request.Version, cancellationToken);
        db.ReceptionPoints.Remove(point);
        await ReindexAsync(structure, null, cancellationToken, removed: point.Id);
        audit.Queue(db, new AuditEntry(NetworkModule.Id, "point-accueil.supprime", "point-accueil", point.Id.ToString(), Slug, $"{structure.Name} : {point.Name} ({point.Town})"));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    private async Task<(ReceptionPoint, Structure)> LoadAsync(Guid id, int version, CancellationToken cancellationToken)
    {
        var found = await (from p in db.ReceptionPoints.Include(p => p.Hours)
                           join s in db.Structures on p.StructureId equals s.Id
                           where p.Id == id && s.TerritoryId == Slug
                           select new { p, s }).FirstOrDefaultAsync(cancellationToken)
                    ?? throw new NotFoundException("Ce point d'accueil n'appartient pas à une structure de ce territoire.");
        db.Entry(found.p).ExpectVersion(version);
        return (found.p, found.s);
    }

    private static void Apply(ReceptionPoint point, IReceptionPointContent content)
    {
        point.Name = content.Name.Trim();
        point.Address = content.Address.Trim();
        point.Town = content.Town.Trim();
        point.Phone = string.IsNullOrWhiteSpace(content.Phone) ? null : content.Phone.Trim();
        point.Public = (content.Public ?? []).Aggregate(PublicServed.None, (all, p) => all | p);
        point.Hours.Clear();
        point.Hours.AddRange((content.Hours ?? []).Select(h => new OpeningSlot { ReceptionPointId = point.Id, Day = h.Day, Opens = h.Opens, Closes = h.Closes }));
    }

    private Task ReindexAsync(Structure structure, ReceptionPoint? changed, CancellationToken cancellationToken, Guid? removed = null) =>
        db.IndexAsync(structure, cancellationToken, changed, removed);
}

internal static class ReceptionPointEndpoints
{
    /// <summary>A new point: no version yet.</summary>
    public sealed record NewPointBody(string Name, string Address, string Town, string? Phone, IReadOnlyList<PublicServed>? Public, IReadOnlyList<OpeningRange>? Hours);
    /// <summary>A change: the version read, which is required.</summary>
    public sealed record PointBody(string Name, string Address, string Town, string? Phone, IReadOnlyList<PublicServed>? Public, IReadOnlyList<OpeningRange>? Hours, int Version);
    public sealed record VersionBody(int Version);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/structures/{structureId:guid}/reception-points", async Task<Created<ReceptionPointView>> (Guid structureId, NewPointBody body, IMediator mediator, CancellationToken ct) =>
        {
            var point = await mediator.Send(new AddReceptionPoint(structureId, body.Name, body.Address, body.Town, body.Phone, body.Public, body.Hours), ct);
            return TypedResults.Created($"/api/network/directory/{structureId}", point);
        }).WithSummary("Ajouter un point d'accueil (adresse, horaires, public) à une structure du territoire");
        api.MapPut("/reception-points/{id:guid}", async Task<Ok<ReceptionPointView>> (Guid id, PointBody body, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new UpdateReceptionPoint(id, body.Name, body.Address, body.Town, body.Phone, body.Public, body.Hours, body.Version), ct)))
            .WithSummary("Modifier un point d'accueil (version requise)");
        api.MapPost("/reception-points/{id:guid}/removal", async Task<NoContent> (Guid id, VersionBody body, IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(new RemoveReceptionPoint(id, body.Version), ct);
            return TypedResults.NoContent();
        }).WithSummary("Supprimer un point d'accueil (version requise)");
    }
}

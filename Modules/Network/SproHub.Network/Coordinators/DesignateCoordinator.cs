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
using SproHub.Shared.Territories;

namespace SproHub.Network.Coordinators;

public sealed record CoordinatorView(Guid Id, string TerritoryId, string TerritoryName, int SchoolYear, string SchoolYearLabel, string Name, string? Email,
    Guid StructureId, string StructureName, DateOnly PlenaryDate, string? MinutesReference);

/// <summary>Records who the plenary designated as coordinator of the current local SPRO for a school year.</summary>
[RequiresPermission(NetworkModule.DesignateCoordinatorsPermission)]
public sealed record DesignateCoordinator(int SchoolYear, string FirstName, string LastName, string Email, Guid StructureId, DateOnly PlenaryDate, string? MinutesReference)
    : IRequest<CoordinatorView>;

public sealed class DesignateCoordinatorValidator : AbstractValidator<DesignateCoordinator>
{
    public DesignateCoordinatorValidator()
    {
        RuleFor(r => r.SchoolYear).InclusiveBetween(2015, 2100).WithMessage("L'année scolaire commence entre 2015 et 2100 (2016 pour 2016-2017).");
        RuleFor(r => r.FirstName).NotEmpty().WithMessage("Indiquez le prénom.").MaximumLength(100);
        RuleFor(r => r.LastName).NotEmpty().WithMessage("Indiquez le nom.").MaximumLength(100);
        RuleFor(r => r.Email).NotEmpty().WithMessage("Indiquez l'adresse e-mail.").EmailAddress().WithMessage("Cette adresse e-mail n'est pas valide.").MaximumLength(256);
        RuleFor(r => r.StructureId).NotEmpty().WithMessage("Choisissez la structure du coordonnateur.");
        RuleFor(r => r.PlenaryDate).NotEmpty().WithMessage("Indiquez la date de la plénière.");
        RuleFor(r => r.MinutesReference).MaximumLength(200);
    }
}

internal sealed class DesignateCoordinatorHandler(NetworkDbContext db, ITerritoryContext territory, ICurrentUser user, IAuditLog audit, SproHub.Shared.Notifications.INotifier notifier, TimeProvider clock)
    : IRequestHandler<DesignateCoordinator, CoordinatorView>
{
    public async Task<CoordinatorView> Handle(DesignateCoordinator request, CancellationToken cancellationToken)
    {
        var current = territory.Current!;
        CoordinatorDesignation.CheckPlenary(request.SchoolYear, request.PlenaryDate, ParisTime.Today(clock));
        var structure = await db.Structures.FirstOrDefaultAsync(s => s.Id == request.StructureId && s.TerritoryId == current.Slug, cancellationToken)
            ?? throw new RuleViolationException("structureId", "structure-du-territoire", "Le coordonnateur appartient à une structure membre de ce SPRO local.");
        var email = request.Email.Trim();
        // The person is the structure's agent with that e-mail, known already or added now.
        var person = await db.People.FirstOrDefaultAsync(p => p.Email == email && p.StructureId == structure.Id, cancellationToken);
        if (person is null)
            db.People.Add(person = new Person { FirstName = request.FirstName.Trim(), LastName = request.LastName.Trim(), Email = email, StructureId = structure.Id });
        else if (await db.CoordinatorDesignations.AnyAsync(d => d.TerritoryId == current.Slug && d.SchoolYear == request.SchoolYear && d.PersonId == person.Id, cancellationToken))
            throw new RuleViolationException("email", "deja-designe", $"{person.FirstName} {person.LastName} coordonne déjà le {current.Name} pour {CoordinatorDesignation.SchoolYearLabel(request.SchoolYear)}.");

        var designation = new CoordinatorDesignation
        {
            TerritoryId = current.Slug, SchoolYear = request.SchoolYear, PersonId = person.Id, StructureId = structure.Id, PlenaryDate = request.PlenaryDate,
            MinutesReference = string.IsNullOrWhiteSpace(request.MinutesReference) ? null : request.MinutesReference.Trim(), RecordedAt = clock.GetUtcNow(), RecordedBy = user.DisplayName,
        };
        db.CoordinatorDesignations.Add(designation);
        audit.Queue(db, new AuditEntry(NetworkModule.Id, "coordonnateur.designe", "territoire", current.Slug, current.Slug,
            $"{person.FirstName} {person.LastName} ({structure.Name}) pour {CoordinatorDesignation.SchoolYearLabel(request.SchoolYear)}, plénière du {request.PlenaryDate:dd/MM/yyyy}"));
        await NotifyRegionAsync(current, person, structure, designation, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new CoordinatorView(designation.Id, current.Slug, current.Name, designation.SchoolYear, CoordinatorDesignation.SchoolYearLabel(designation.SchoolYear),
            $"{person.FirstName} {person.LastName}", person.Email, structure.Id, structure.Name, designation.PlenaryDate, designation.MinutesReference);
    }

    /// <summary>The Région is told of each designation, as the plenary's minutes used to tell it by post.</summary>
    private async Task NotifyRegionAsync(TerritoryInfo current, Person person, Structure structure, CoordinatorDesignation designation, CancellationToken cancellationToken)
    {
        var region = await db.RegionAdministratorsAsync(cancellationToken);
        if (region.Count == 0) return;
        notifier.Queue(db, new SproHub.Shared.Notifications.Notification(NetworkModule.Id, NetworkModule.DesignationKind, current.Slug,
            region.Select(r => new SproHub.Shared.Notifications.NotificationRecipient(r.Email, r.Name)).ToList(),
            $"Coordination désignée : {current.Name}, {CoordinatorDesignation.SchoolYearLabel(designation.SchoolYear)}",
            $"La plénière du {designation.PlenaryDate:dd/MM/yyyy} a désigné {person.FirstName} {person.LastName} ({structure.Name}) pour coordonner le {current.Name} en {CoordinatorDesignation.SchoolYearLabel(designation.SchoolYear)}."
            + (designation.MinutesReference is null ? "" : $"\n\nCompte rendu : {designation.MinutesReference}"),
            $"/annuaire/coordination"));
    }
}

/// <summary>
/// The coordinators of every local SPRO (or one) for a school year, or a territory's whole history. Public view for
/// citizens; members of the network also see the e-mail addresses.
/// </summary>
public sealed record ListCoordinators(string? Territory = null, int? SchoolYear = null) : IRequest<IReadOnlyList<CoordinatorView>>;

internal sealed class ListCoordinatorsHandler(NetworkDbContext db, ITerritoryDirectory territories, ICurrentUser user) : IRequestHandler<ListCoordinators, IReadOnlyList<CoordinatorView>>
{
    public async Task<IReadOnlyList<CoordinatorView>> Handle(ListCoordinators request, CancellationToken cancellationToken)
    {
        var query = db.CoordinatorDesignations.AsNoTracking();
        if (request.Territory is { Length: > 0 } slug) query = query.Where(d => d.TerritoryId == slug);
        if (request.SchoolYear is { } year) query = query.Where(d => d.SchoolYear == year);
        var rows = await (from d in query
                          join p in db.People on d.PersonId equals p.Id
                          join s in db.Structures on d.StructureId equals s.Id
                          select new { d, p.FirstName, p.LastName, p.Email, StructureName = s.Name }).ToListAsync(cancellationToken);
        var names = (await territories.ListAsync(cancellationToken)).ToDictionary(t => t.Slug, t => t.Name);
        var member = user.IsAuthenticated; // anyone with an account belongs to the network
        return rows.OrderByDescending(r => r.d.SchoolYear).ThenBy(r => r.d.TerritoryId).ThenByDescending(r => r.d.PlenaryDate)
            .Select(r => new CoordinatorView(r.d.Id, r.d.TerritoryId, names.GetValueOrDefault(r.d.TerritoryId, r.d.TerritoryId), r.d.SchoolYear,
                CoordinatorDesignation.SchoolYearLabel(r.d.SchoolYear), $"{r.FirstName} {r.LastName}", member ? r.Email : null, r.d.StructureId, r.StructureName,
                r.d.PlenaryDate, r.d.MinutesReference)).ToList();
    }
}

internal static class CoordinatorEndpoints
{
    public static void Map(IEndpointRouteBuilder api, IEndpointRouteBuilder territoryApi)
    {
        api.MapGet("/coordinators", async Task<Ok<IReadOnlyList<CoordinatorView>>> (string? territory, int? schoolYear, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ListCoordinators(territory, schoolYear), ct))).AllowAnonymous()
            .WithSummary("Coordonnateurs des SPRO locaux (territory, schoolYear : 2016 pour 2016-2017)");
        territoryApi.MapPost("/coordinators", async Task<Created<CoordinatorView>> (DesignateCoordinator request, IMediator mediator, CancellationToken ct) =>
        {
            var designation = await mediator.Send(request, ct);
            return TypedResults.Created($"/api/network/coordinators?territory={designation.TerritoryId}", designation);
        }).WithSummary("Enregistrer la désignation d'un coordonnateur par la plénière");
    }
}

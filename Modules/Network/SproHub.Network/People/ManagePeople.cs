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
using SproHub.Shared.Data;
using SproHub.Shared.Errors;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Network.People;

public sealed record PersonView(Guid Id, string FirstName, string LastName, string? Email, string? Function, Guid StructureId, string StructureName, bool MaySign, int Version);

/// <summary>The agents of the current local SPRO's structures (or of one of them): internal to the territory's network.</summary>
[RequiresPermission(NetworkModule.ReadInternalPermission)]
public sealed record ListPeople(Guid? StructureId = null) : IRequest<IReadOnlyList<PersonView>>;

public interface IPersonContent
{
    string FirstName { get; }
    string LastName { get; }
    string? Email { get; }
    string? Function { get; }
    Guid StructureId { get; }
    bool MaySign { get; }
}

[RequiresPermission(NetworkModule.ManageStructuresPermission)]
public sealed record AddPerson(string FirstName, string LastName, string? Email, string? Function, Guid StructureId, bool MaySign = false) : IRequest<PersonView>, IPersonContent;

[RequiresPermission(NetworkModule.ManageStructuresPermission)]
public sealed record UpdatePerson(Guid Id, string FirstName, string LastName, string? Email, string? Function, Guid StructureId, int Version, bool MaySign = false)
    : IRequest<PersonView>, IPersonContent, IVersionedRequest;

public sealed class PersonContentValidator : AbstractValidator<IPersonContent>
{
    public PersonContentValidator()
    {
        RuleFor(r => r.FirstName).NotEmpty().WithMessage("Indiquez le prénom.").MaximumLength(100);
        RuleFor(r => r.LastName).NotEmpty().WithMessage("Indiquez le nom.").MaximumLength(100);
        RuleFor(r => r.Email).EmailAddress().WithMessage("Cette adresse e-mail n'est pas valide.").MaximumLength(256);
        RuleFor(r => r.Function).MaximumLength(100);
        RuleFor(r => r.StructureId).NotEmpty().WithMessage("Choisissez la structure.");
    }
}

public sealed class AddPersonValidator : AbstractValidator<AddPerson>
{
    public AddPersonValidator() => Include(new PersonContentValidator());
}

public sealed class UpdatePersonValidator : AbstractValidator<UpdatePerson>
{
    public UpdatePersonValidator() => Include(new PersonContentValidator());
}

internal sealed class PeopleHandlers(NetworkDbContext db, ITerritoryContext territory, IAuditLog audit, SproHub.Shared.Security.ICurrentUser user)
    : IRequestHandler<ListPeople, IReadOnlyList<PersonView>>, IRequestHandler<AddPerson, PersonView>, IRequestHandler<UpdatePerson, PersonView>
{
    private string Slug => territory.Current!.Slug;

    public async Task<IReadOnlyList<PersonView>> Handle(ListPeople request, CancellationToken cancellationToken)
    {
        var rows = await (from p in db.People.AsNoTracking()
                          join s in db.Structures.AsNoTracking() on p.StructureId equals s.Id
                          where s.TerritoryId == Slug && (request.StructureId == null || s.Id == request.StructureId)
                          select new { p, StructureName = s.Name }).ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.StructureName).ThenBy(r => r.p.LastName).ThenBy(r => r.p.FirstName)
            .Select(r => View(r.p, r.StructureName)).ToList();
    }

    public async Task<PersonView> Handle(AddPerson request, CancellationToken cancellationToken)
    {
        var person = new Person { FirstName = "", LastName = "" };
        var structure = await ApplyAsync(person, request, cancellationToken);
        db.People.Add(person);
        audit.Queue(db, new AuditEntry(NetworkModule.Id, "personne.ajoutee", "personne", person.Id.ToString(), Slug, $"{person.FirstName} {person.LastName} ({structure.Name})"));
        await db.SaveChangesAsync(cancellationToken);
        return View(person, structure.Name);
    }

    public async Task<PersonView> Handle(UpdatePerson request, CancellationToken cancellationToken)
    {
        var person = await (from p in db.People
                            join s in db.Structures on p.StructureId equals s.Id
                            where p.Id == request.Id && s.TerritoryId == Slug
                            select p).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Cette personne n'est pas un agent d'une structure de ce territoire.");
        db.Entry(person).ExpectVersion(request.Version);
        var structure = await ApplyAsync(person, request, cancellationToken);
        audit.Queue(db, new AuditEntry(NetworkModule.Id, "personne.modifiee", "personne", person.Id.ToString(), Slug, $"{person.FirstName} {person.LastName} ({structure.Name})"));
        await db.SaveChangesAsync(cancellationToken);
        return View(person, structure.Name);
    }

    /// <summary>An agent belongs to a structure of this local SPRO; one e-mail is one person in the territory.</summary>
    private async Task<Structure> ApplyAsync(Person person, IPersonContent content, CancellationToken cancellationToken)
    {
        var structure = await db.Structures.FirstOrDefaultAsync(s => s.Id == content.StructureId && s.TerritoryId == Slug, cancellationToken)
            ?? throw new RuleViolationException("structureId", "structure-du-territoire", "Choisissez une structure membre de ce SPRO local.");
        var email = string.IsNullOrWhiteSpace(content.Email) ? null : content.Email.Trim();
        if (email is not null && await (from p in db.People join s in db.Structures on p.StructureId equals s.Id
                                        where s.TerritoryId == Slug && p.Email == email && p.Id != person.Id select p).AnyAsync(cancellationToken))
            throw new RuleViolationException("email", "personne-unique", $"Une personne du territoire a déjà l'adresse {email}.");
        // Being an agent of a structure gives rights there (signing, the carrier's budget): nobody grants them to himself.
        var self = user.Email is { } own && (string.Equals(email, own, StringComparison.OrdinalIgnoreCase) || string.Equals(person.Email, own, StringComparison.OrdinalIgnoreCase));
        if (self && !user.IsRegionAdministrator && (person.StructureId != structure.Id || person.MaySign != content.MaySign || !string.Equals(person.Email, email, StringComparison.OrdinalIgnoreCase)))
            throw new RuleViolationException("email", "soi-meme", "Votre propre fiche d'agent (structure, adresse, droit de signer) se modifie par la Région ou un autre coordinateur.");
        person.FirstName = content.FirstName.Trim();
        person.LastName = content.LastName.Trim();
        person.Email = email;
        person.Function = string.IsNullOrWhiteSpace(content.Function) ? null : content.Function.Trim();
        person.StructureId = structure.Id;
        person.MaySign = content.MaySign;
        return structure;
    }

    private static PersonView View(Person p, string structureName) => new(p.Id, p.FirstName, p.LastName, p.Email, p.Function, p.StructureId!.Value, structureName, p.MaySign, p.Version);
}

internal static class PeopleEndpoints
{
    public sealed record PersonBody(string FirstName, string LastName, string? Email, string? Function, Guid StructureId, int Version, bool MaySign = false);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/people", async Task<Ok<IReadOnlyList<PersonView>>> (Guid? structureId, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ListPeople(structureId), ct))).WithSummary("Agents des structures du territoire (structureId facultatif)");
        api.MapPost("/people", async Task<Created<PersonView>> (AddPerson request, IMediator mediator, CancellationToken ct) =>
        {
            var person = await mediator.Send(request, ct);
            return TypedResults.Created($"people/{person.Id}", person);
        }).WithSummary("Ajouter un agent à une structure du territoire");
        api.MapPut("/people/{id:guid}", async Task<Ok<PersonView>> (Guid id, PersonBody body, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new UpdatePerson(id, body.FirstName, body.LastName, body.Email, body.Function, body.StructureId, body.Version, body.MaySign), ct)))
            .WithSummary("Modifier un agent (version requise)");
    }
}

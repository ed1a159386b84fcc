using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.CelluleHandicap.Data;
using SproHub.Shared.Audit;
using SproHub.Shared.Data;
using SproHub.Shared.Errors;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.CelluleHandicap.Partners;

public sealed record UnavailabilityView(DayOfWeek Day, UnavailablePart Part, string Label);
public sealed record RepresentativeView(Guid Id, string Name, string Email);
public sealed record PartnerView(Guid Id, string Name, PartnerKind Kind, string KindLabel, bool HostsSessions, int? SecretariatTurn,
    IReadOnlyList<UnavailabilityView> Unavailabilities, IReadOnlyList<RepresentativeView> Representatives, int Version)
{
    public static PartnerView From(Partner p) => new(p.Id, p.Name, p.Kind, Partner.KindLabel(p.Kind), p.HostsSessions, p.SecretariatTurn,
        p.Unavailabilities.OrderBy(u => ((int)u.Day + 6) % 7).Select(u => new UnavailabilityView(u.Day, u.Part, u.Describe())).ToList(),
        p.Representatives.OrderBy(r => r.Name).Select(r => new RepresentativeView(r.Id, r.Name, r.Email)).ToList(), p.Version);
}

[RequiresPermission(CelluleHandicapModule.ReadPermission)]
public sealed record ListPartners : IRequest<IReadOnlyList<PartnerView>>;

internal sealed class ListPartnersHandler(CelluleHandicapDbContext db) : IRequestHandler<ListPartners, IReadOnlyList<PartnerView>>
{
    public async Task<IReadOnlyList<PartnerView>> Handle(ListPartners request, CancellationToken cancellationToken) =>
        (await db.Partners.AsNoTracking().Include(p => p.Unavailabilities).Include(p => p.Representatives).OrderBy(p => p.Name).ToListAsync(cancellationToken))
        .Select(PartnerView.From).ToList();
}

public sealed record UnavailabilityInput(DayOfWeek Day, UnavailablePart Part);

[RequiresPermission(CelluleHandicapModule.ManagePermission)]
public sealed record AddPartner(string Name, PartnerKind Kind, bool HostsSessions, int? SecretariatTurn, IReadOnlyList<UnavailabilityInput>? Unavailabilities) : IRequest<PartnerView>;

public sealed class AddPartnerValidator : AbstractValidator<AddPartner>
{
    public AddPartnerValidator()
    {
        RuleFor(r => r.Name).NotEmpty().WithMessage("Nommez le partenaire.").MaximumLength(200);
        RuleFor(r => r.Kind).IsInEnum();
        RuleFor(r => r.SecretariatTurn).InclusiveBetween(1, 50);
        RuleForEach(r => r.Unavailabilities).SetValidator(new UnavailabilityValidator());
    }
}

public sealed class UnavailabilityValidator : AbstractValidator<UnavailabilityInput>
{
    public UnavailabilityValidator()
    {
        RuleFor(x => x.Day).IsInEnum().Must(d => d is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).WithMessage("Un jour ouvré, du lundi au vendredi.");
        RuleFor(x => x.Part).IsInEnum();
    }
}

/// <summary>Changes a partner's premises rules and its place in the secretariat's rotation; the version it was read at guards concurrent edits.</summary>
[RequiresPermission(CelluleHandicapModule.ManagePermission)]
public sealed record ChangePartner(Guid PartnerId, bool HostsSessions, int? SecretariatTurn, IReadOnlyList<UnavailabilityInput>? Unavailabilities, int Version)
    : IRequest<PartnerView>, IVersionedRequest;

public sealed class ChangePartnerValidator : AbstractValidator<ChangePartner>
{
    public ChangePartnerValidator()
    {
        RuleFor(r => r.SecretariatTurn).InclusiveBetween(1, 50);
        RuleForEach(r => r.Unavailabilities).SetValidator(new UnavailabilityValidator());
    }
}

internal sealed class ChangePartnerHandler(CelluleHandicapDbContext db, IAuditLog audit) : IRequestHandler<ChangePartner, PartnerView>
{
    public async Task<PartnerView> Handle(ChangePartner request, CancellationToken cancellationToken)
    {
        var partner = await db.Partners.Include(p => p.Unavailabilities).Include(p => p.Representatives)
            .FirstOrDefaultAsync(p => p.Id == request.PartnerId, cancellationToken) ?? throw new NotFoundException("Partenaire introuvable.");
        db.Entry(partner).ExpectVersion(request.Version);
        partner.Change(request.HostsSessions, request.SecretariatTurn, (request.Unavailabilities ?? []).Select(u => (u.Day, u.Part)));
        // Changing only the rules still bumps the partner's version: two coordinators never overwrite each other.
        db.Entry(partner).State = EntityState.Modified;
        audit.Queue(db, new AuditEntry(CelluleHandicapModule.Id, "partenaire.modifie", "partenaire", partner.Id.ToString(), partner.TerritoryId,
            $"{partner.Name} : {(partner.HostsSessions ? "accueille" : "n'accueille pas")}, {(partner.SecretariatTurn is { } t ? $"secrétariat tour {t}" : "hors secrétariat")}, "
            + string.Join(", ", partner.Unavailabilities.Select(u => $"sauf {u.Describe()}"))));
        await db.SaveChangesAsync(cancellationToken);
        return PartnerView.From(partner);
    }
}

internal sealed class AddPartnerHandler(CelluleHandicapDbContext db, ITerritoryContext territory, IAuditLog audit) : IRequestHandler<AddPartner, PartnerView>
{
    public async Task<PartnerView> Handle(AddPartner request, CancellationToken cancellationToken)
    {
        var name = request.Name.Trim();
        if (await db.Partners.AnyAsync(p => p.Name == name, cancellationToken))
            throw new RuleViolationException("name", "partenaire-unique", $"{name} est déjà partenaire de la cellule.");
        var partner = Partner.Create(territory.Current!.Slug, name, request.Kind, request.HostsSessions, request.SecretariatTurn);
        foreach (var rule in (request.Unavailabilities ?? []).DistinctBy(u => (u.Day, u.Part))) partner.Unavailable(rule.Day, rule.Part);
        db.Partners.Add(partner);
        audit.Queue(db, new AuditEntry(CelluleHandicapModule.Id, "partenaire.ajoute", "partenaire", partner.Id.ToString(), partner.TerritoryId, partner.Name));
        await db.SaveChangesAsync(cancellationToken);
        return PartnerView.From(partner);
    }
}

[RequiresPermission(CelluleHandicapModule.ManagePermission)]
public sealed record AddRepresentative(Guid PartnerId, string Email, string Name) : IRequest<PartnerView>;

public sealed class AddRepresentativeValidator : AbstractValidator<AddRepresentative>
{
    public AddRepresentativeValidator()
    {
        RuleFor(r => r.Email).NotEmpty().WithMessage("Indiquez l'adresse du compte de la personne.").EmailAddress().WithMessage("Adresse électronique invalide.").MaximumLength(256);
        RuleFor(r => r.Name).NotEmpty().WithMessage("Nommez la personne.").MaximumLength(200);
    }
}

internal sealed class AddRepresentativeHandler(CelluleHandicapDbContext db, ICurrentUser user, IAuditLog audit) : IRequestHandler<AddRepresentative, PartnerView>
{
    public async Task<PartnerView> Handle(AddRepresentative request, CancellationToken cancellationToken)
    {
        var partner = await db.Partners.Include(p => p.Unavailabilities).Include(p => p.Representatives)
            .FirstOrDefaultAsync(p => p.Id == request.PartnerId, cancellationToken) ?? throw new NotFoundException("Partenaire introuvable.");
        var email = request.Email.Trim().ToLowerInvariant();
        // Representing a partner opens young people's situations: nobody gives it to themselves, whatever their role.
        if (string.Equals(email, user.Email?.Trim(), StringComparison.OrdinalIgnoreCase))
            throw new RuleViolationException("email", "soi-meme", "Vous ne pouvez pas vous désigner vous-même représentant d'un partenaire : un autre gestionnaire de la cellule le fait.");
        if (partner.IsRepresentedBy(email)) throw new RuleViolationException("email", "representant-unique", $"Cette personne représente déjà {partner.Name}.");
        partner.Representatives.Add(new Representative { Email = email, Name = request.Name.Trim() });
        audit.Queue(db, new AuditEntry(CelluleHandicapModule.Id, "representant.ajoute", "partenaire", partner.Id.ToString(), partner.TerritoryId, $"{request.Name.Trim()} <{email}>"));
        await db.SaveChangesAsync(cancellationToken);
        return PartnerView.From(partner);
    }
}

[RequiresPermission(CelluleHandicapModule.ManagePermission)]
public sealed record RemoveRepresentative(Guid PartnerId, Guid RepresentativeId) : IRequest<PartnerView>;

internal sealed class RemoveRepresentativeHandler(CelluleHandicapDbContext db, IAuditLog audit) : IRequestHandler<RemoveRepresentative, PartnerView>
{
    public async Task<PartnerView> Handle(RemoveRepresentative request, CancellationToken cancellationToken)
    {
        var partner = await db.Partners.Include(p => p.Unavailabilities).Include(p => p.Representatives)
            .FirstOrDefaultAsync(p => p.Id == request.PartnerId, cancellationToken) ?? throw new NotFoundException("Partenaire introuvable.");
        var representative = partner.Representatives.FirstOrDefault(r => r.Id == request.RepresentativeId) ?? throw new NotFoundException("Représentant introuvable.");
        partner.Representatives.Remove(representative);
        audit.Queue(db, new AuditEntry(CelluleHandicapModule.Id, "representant.retire", "partenaire", partner.Id.ToString(), partner.TerritoryId, representative.Email));
        await db.SaveChangesAsync(cancellationToken);
        return PartnerView.From(partner);
    }
}

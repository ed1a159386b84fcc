using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.MaBoite.Data;
using SproHub.Shared.Audit;
using SproHub.Shared.Errors;
using SproHub.Shared.Network;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.MaBoite.Spaces;

/// <summary>
/// A person opens their space: an account awaiting the confirmation of its address, and the profile the SPRO aims its
/// news at. The answer is the same whether the address already had an account or not.
/// </summary>
public sealed record SignUp(string DisplayName, string Email, string Password, PublicType PublicType, int? BirthYear, Guid? StructureId,
    bool ParentalConsent, bool AcceptsTerms) : IRequest<Unit>;

/// <summary>The profile a person gives when opening a space: the same rules whoever opens it (the person, or an adviser inviting them).</summary>
public static class Profile
{
    /// <summary>Below this age a parent agrees to the processing of the person's data (RGPD, article 8; 15 in France).</summary>
    public const int AgeOfDigitalConsent = 15;

    public static void Rules<T>(AbstractValidator<T> v, Func<T, string> name, Func<T, string> email, Func<T, int?> birthYear, TimeProvider clock)
    {
        v.RuleFor(r => name(r))
            .NotEmpty().WithMessage("Indiquez le prénom (ou le nom).")
            .MaximumLength(100).WithMessage("100 caractères au plus.").OverridePropertyName("DisplayName");
        v.RuleFor(r => email(r))
            .NotEmpty().WithMessage("Indiquez l'adresse e-mail.")
            .EmailAddress().WithMessage("Cette adresse e-mail n'est pas valide.").OverridePropertyName("Email");
        v.RuleFor(r => birthYear(r))
            .NotNull().WithMessage("Indiquez l'année de naissance.")
            .Must(born => born is null || (born >= 1900 && born <= ParisTime.Today(clock).Year - 10)).WithMessage("Cette année de naissance n'est pas plausible.")
            .OverridePropertyName("BirthYear");
    }
}

public sealed class SignUpValidator : AbstractValidator<SignUp>
{
    public SignUpValidator(TimeProvider clock)
    {
        Profile.Rules(this, r => r.DisplayName, r => r.Email, r => r.BirthYear, clock);
        RuleFor(r => r.Password).NotEmpty().WithMessage("Choisissez un mot de passe.");
        RuleFor(r => r.PublicType).IsInEnum().WithMessage("Choisissez ce qui vous décrit le mieux.");
        RuleFor(r => r.AcceptsTerms).Equal(true).WithMessage("Acceptez les conditions d'utilisation pour ouvrir votre espace.");
        RuleFor(r => r.ParentalConsent).Equal(true)
            .When(r => r.BirthYear is { } year && ParisTime.Today(clock).Year - year < Profile.AgeOfDigitalConsent)
            .WithMessage($"Avant {Profile.AgeOfDigitalConsent} ans, l'accord d'un parent est nécessaire pour ouvrir un espace.");
    }
}

internal sealed class SignUpHandler(MaBoiteDbContext db, IAccountRegistry accounts, IStructureDirectory structures, ITerritoryContext territory,
    IAuditLog audit, TimeProvider clock) : IRequestHandler<SignUp, Unit>
{
    public async Task<Unit> Handle(SignUp request, CancellationToken cancellationToken)
    {
        var territoryId = territory.Current!.Slug;
        await CheckStructureAsync(structures, request.StructureId, territoryId, cancellationToken);
        var userId = await accounts.RegisterAsync(
            new AccountRequest(request.Email, request.DisplayName, territoryId, MaBoiteModule.CitizenRole, $"/t/{territoryId}/ma-boite/fichiers"), request.Password, cancellationToken);
        if (userId is null) return Unit.Value; // the address had an account: its owner was told, nothing else happens
        var space = new Space
        {
            Id = Guid.NewGuid(), TerritoryId = territoryId, OwnerUserId = userId, DisplayName = request.DisplayName.Trim(), Email = request.Email.Trim(),
            PublicType = request.PublicType, BirthYear = request.BirthYear, StructureId = request.StructureId, CreatedAt = clock.GetUtcNow(),
        };
        db.Spaces.Add(space);
        audit.Queue(db, new AuditEntry(MaBoiteModule.Id, "espace.cree", "space", space.Id.ToString(), territoryId, "inscription en attente de confirmation"));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    /// <summary>A structure named as accompanying the person is one of this local SPRO's.</summary>
    public static async Task CheckStructureAsync(IStructureDirectory structures, Guid? structureId, string territoryId, CancellationToken cancellationToken)
    {
        if (structureId is not { } id) return;
        var found = await structures.FindAsync([id], cancellationToken);
        if (found.Count == 0 || found[0].TerritoryId != territoryId)
            throw new RuleViolationException("structureId", "structure-du-territoire", "Choisissez une structure du SPRO de votre territoire.");
    }
}

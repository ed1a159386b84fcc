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
/// An agent opens a space for a person they accompany: the person receives an e-mail to choose a password (or to sign in,
/// if their address already has an account) and finds the agent's structure on their profile.
/// </summary>
[RequiresPermission(MaBoiteModule.InvitePermission)]
public sealed record InvitePerson(string DisplayName, string Email, PublicType PublicType, int? BirthYear, bool ParentalConsent) : IRequest<InvitationResult>;

public sealed record InvitationResult(Guid SpaceId, string Email, bool ExistingAccount);

public sealed class InvitePersonValidator : AbstractValidator<InvitePerson>
{
    public InvitePersonValidator(TimeProvider clock)
    {
        Profile.Rules(this, r => r.DisplayName, r => r.Email, r => r.BirthYear, clock);
        RuleFor(r => r.PublicType).IsInEnum();
        RuleFor(r => r.ParentalConsent).Equal(true)
            .When(r => r.BirthYear is { } year && ParisTime.Today(clock).Year - year < Profile.AgeOfDigitalConsent)
            .WithMessage($"Avant {Profile.AgeOfDigitalConsent} ans, l'accord d'un parent est nécessaire : recueillez-le avant d'ouvrir l'espace.");
    }
}

internal sealed class InvitePersonHandler(MaBoiteDbContext db, IAccountRegistry accounts, IPersonDirectory people, IStructureDirectory structures,
    ICurrentUser user, ITerritoryContext territory, IAuditLog audit, TimeProvider clock) : IRequestHandler<InvitePerson, InvitationResult>
{
    public async Task<InvitationResult> Handle(InvitePerson request, CancellationToken cancellationToken)
    {
        var territoryId = territory.Current!.Slug;
        var agent = (await people.FindByEmailAsync(territoryId, user.Email ?? "", cancellationToken)).FirstOrDefault();
        var structure = agent is null ? null : (await structures.FindAsync([agent.StructureId], cancellationToken)).FirstOrDefault();
        var invitedBy = structure is null ? user.DisplayName ?? "Le SPRO" : $"{agent!.FullName} ({structure.Name})";
        var existing = await accounts.FindByEmailAsync(request.Email, cancellationToken);
        if (existing is not null && await db.Spaces.AnyAsync(s => s.OwnerUserId == existing.UserId, cancellationToken))
            throw new ConflictException("Cette personne a déjà un espace ma boîte SPRO : elle peut vous partager ses documents.", "espace-existant");

        var userId = await accounts.InviteAsync(new AccountRequest(request.Email, request.DisplayName, territoryId, MaBoiteModule.CitizenRole,
            $"/t/{territoryId}/ma-boite/fichiers"), invitedBy, cancellationToken);
        var space = new Space
        {
            Id = Guid.NewGuid(), TerritoryId = territoryId, OwnerUserId = userId, DisplayName = request.DisplayName.Trim(), Email = request.Email.Trim(),
            PublicType = request.PublicType, BirthYear = request.BirthYear, StructureId = structure?.Id, CreatedAt = clock.GetUtcNow(), InvitedBy = invitedBy,
        };
        db.Spaces.Add(space);
        audit.Queue(db, new AuditEntry(MaBoiteModule.Id, "espace.invite", "space", space.Id.ToString(), territoryId, $"invitation par {invitedBy}"));
        await db.SaveChangesAsync(cancellationToken);
        return new InvitationResult(space.Id, space.Email, existing is not null);
    }
}

using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.ClipContests.Data;
using SproHub.Shared.Audit;
using SproHub.Shared.Data;
using SproHub.Shared.Errors;
using SproHub.Shared.Network;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.ClipContests.Jury;

/// <summary>
/// The coordinator invites someone to the jury (a partner, an employer, the cinema's director): the platform opens or
/// reuses their account with the jury's role and e-mails them the way in. A member from a structure of the network
/// never scores that structure's teams.
/// </summary>
[RequiresPermission(ClipContestsModule.ManagePermission)]
public sealed record InviteJuryMember(int Year, string Email, string Name, Guid? StructureId, bool IsPresident) : IRequest<JuryMemberView>;

public sealed class InviteJuryMemberValidator : AbstractValidator<InviteJuryMember>
{
    public InviteJuryMemberValidator()
    {
        RuleFor(r => r.Email).NotEmpty().WithMessage("Indiquez l'adresse électronique du juré.").EmailAddress().WithMessage("Adresse électronique invalide.").MaximumLength(256);
        RuleFor(r => r.Name).NotEmpty().WithMessage("Nommez le juré (et sa fonction).").MaximumLength(200);
    }
}

internal sealed class InviteJuryMemberHandler(ClipContestsDbContext db, JuryAccess access, IStructureDirectory structures, IAccountRegistry accounts, ICurrentUser user,
    ITerritoryContext territory, IAuditLog audit, TimeProvider clock) : IRequestHandler<InviteJuryMember, JuryMemberView>
{
    public async Task<JuryMemberView> Handle(InviteJuryMember request, CancellationToken cancellationToken)
    {
        var edition = await access.EditionAsync(request.Year, cancellationToken);
        if (edition.JuryClosedAt is not null) throw new RuleViolationException("year", "jury-clos", "Le jury est clos.");
        var email = request.Email.Trim().ToLowerInvariant();
        var members = await access.MembersAsync(edition.Id, cancellationToken);
        if (members.Any(m => m.Is(email))) throw new RuleViolationException("email", "jure-unique", "Cette personne fait déjà partie du jury.");
        if (request.IsPresident && members.FirstOrDefault(m => m.IsPresident) is { } president)
            throw new RuleViolationException("isPresident", "president-unique", $"{president.Name} préside déjà le jury.");
        if (request.StructureId is { } structureId && (await structures.ListAsync(edition.TerritoryId, cancellationToken)).All(s => s.Id != structureId))
            throw new RuleViolationException("structureId", "structure-du-territoire", "Cette structure n'est pas membre du SPRO de ce territoire.");

        var member = new JuryMember
        {
            EditionId = edition.Id, TerritoryId = edition.TerritoryId, Email = email, Name = request.Name.Trim(), StructureId = request.StructureId,
            IsPresident = request.IsPresident, InvitedAt = clock.GetUtcNow(),
        };
        db.JuryMembers.Add(member);
        audit.Queue(db, new AuditEntry(ClipContestsModule.Id, "jure.invite", "edition", edition.Id.ToString(), edition.TerritoryId,
            $"{member.Name}{(member.IsPresident ? " (président)" : "")} au jury {edition.Year}"));
        await db.SaveOrConflictAsync("Cette personne vient d'être invitée au jury par quelqu'un d'autre.", "jure-unique", cancellationToken);
        // The account and its e-mail come after the row: a refused invitation sends nothing.
        await accounts.InviteAsync(new AccountRequest(email, member.Name, territory.Current!.Slug, ClipContestsModule.JuryRole, $"/t/{territory.Current!.Slug}/clips/{edition.Year}/jury"),
            user.DisplayName ?? "La coordination du SPRO", cancellationToken);
        return new JuryMemberView(member.Id, member.Name, member.IsPresident, 0, 0);
    }
}

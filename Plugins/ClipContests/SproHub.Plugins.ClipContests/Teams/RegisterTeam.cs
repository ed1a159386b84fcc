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

namespace SproHub.Plugins.ClipContests.Teams;

/// <summary>
/// An agent registers a team of their structure for the year's edition and leads it; the coordinator may register one
/// for an agent (<paramref name="LeadEmail"/>, the address of the agent's account).
/// </summary>
[RequiresPermission(ClipContestsModule.LeadTeamPermission)]
public sealed record RegisterTeam(int Year, string Name, Guid StructureId, IReadOnlyList<ParticipantInput>? Participants, string? LeadEmail = null) : IRequest<TeamView>;

public sealed class ParticipantInputValidator : AbstractValidator<ParticipantInput>
{
    public ParticipantInputValidator()
    {
        RuleFor(p => p.FirstName).NotEmpty().WithMessage("Indiquez le prénom.").MaximumLength(Participant.NameMaxLength);
        RuleFor(p => p.LastName).NotEmpty().WithMessage("Indiquez le nom.").MaximumLength(Participant.NameMaxLength);
        RuleFor(p => p.BirthDate).NotEmpty().WithMessage("Indiquez la date de naissance (pour savoir si l'accord d'un parent est nécessaire).");
        RuleFor(p => p.ParentName).MaximumLength(200);
    }
}

public sealed class RegisterTeamValidator : AbstractValidator<RegisterTeam>
{
    public RegisterTeamValidator()
    {
        RuleFor(r => r.Name).NotEmpty().WithMessage("Donnez un nom à l'équipe.").MaximumLength(Team.NameMaxLength);
        RuleFor(r => r.StructureId).NotEmpty().WithMessage("Choisissez la structure qui encadre l'équipe.");
        RuleFor(r => r.Participants).NotNull().WithMessage($"Inscrivez de {Team.MinSize} à {Team.MaxSize} participants.");
        RuleForEach(r => r.Participants).SetValidator(new ParticipantInputValidator());
        RuleFor(r => r.LeadEmail).EmailAddress().WithMessage("Adresse électronique invalide.").MaximumLength(256);
    }
}

internal sealed class RegisterTeamHandler(ClipContestsDbContext db, ICurrentUser user, IPersonDirectory people, IAccountRegistry accounts, IAuditLog audit, TimeProvider clock)
    : IRequestHandler<RegisterTeam, TeamView>
{
    public async Task<TeamView> Handle(RegisterTeam request, CancellationToken cancellationToken)
    {
        var edition = await db.Editions.FirstOrDefaultAsync(e => e.Year == request.Year, cancellationToken)
            ?? throw new NotFoundException($"Aucune édition {request.Year} dans ce territoire.");
        var today = ParisTime.Today(clock);
        edition.EnsureRegistrationOpen(today);
        var partner = edition.Partner(request.StructureId);
        if (partner is null || !partner.FormsTeams)
            throw new RuleViolationException("structureId", "structure-partenaire", "Une équipe est encadrée par une structure partenaire de l'édition qui forme des équipes.");

        var (leadEmail, leadName) = await LeadAsync(request, cancellationToken);
        // An agent known to the network's directory leads a team of their own structure only.
        var records = await people.FindByEmailAsync(edition.TerritoryId, leadEmail, cancellationToken);
        if (records.Count > 0 && records.All(p => p.StructureId != partner.StructureId))
            throw new RuleViolationException("structureId", "agent-de-la-structure", $"{leadName} n'est pas agent de {partner.StructureName} : choisissez sa structure.");
        if (await db.Teams.AnyAsync(t => t.EditionId == edition.Id && t.Name == request.Name.Trim(), cancellationToken))
            throw new RuleViolationException("name", "nom-equipe-unique", $"Une équipe s'appelle déjà « {request.Name.Trim()} » dans cette édition.");

        var team = Team.Register(edition.Id, edition.TerritoryId, request.Name, partner.StructureId, partner.StructureName, leadEmail, leadName,
            request.Participants!, today, clock.GetUtcNow());
        db.Teams.Add(team);
        db.Record(clock, ClipContestsModule.Indicators.Teams, team.TerritoryId, 1, team.Id.ToString());
        db.Record(clock, ClipContestsModule.Indicators.Participants, team.TerritoryId, team.Participants.Count, team.Id.ToString());
        audit.Queue(db, new AuditEntry(ClipContestsModule.Id, "equipe.inscrite", "equipe", team.Id.ToString(), team.TerritoryId,
            $"{team.Name} ({team.StructureName}, {team.Participants.Count} participants), encadrée par {leadName}"));
        await db.SaveOrConflictAsync($"Une équipe « {team.Name} » vient d'être inscrite par quelqu'un d'autre.", "nom-equipe-unique", cancellationToken);
        return TeamView.From(team, edition, ParisTime.Today(clock));
    }

    private async Task<(string Email, string Name)> LeadAsync(RegisterTeam request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.LeadEmail) || string.Equals(request.LeadEmail.Trim(), user.Email, StringComparison.OrdinalIgnoreCase))
            return (user.Email!, user.DisplayName ?? user.Email!);
        if (!user.Can(ClipContestsModule.ManagePermission))
            throw new ForbiddenException("Seule la coordination inscrit une équipe pour un autre agent ; un agent inscrit l'équipe qu'il encadre.");
        var account = await accounts.FindByEmailAsync(request.LeadEmail.Trim(), cancellationToken)
            ?? throw new RuleViolationException("leadEmail", "compte-existant", "Aucun compte n'a cette adresse : l'agent qui encadre l'équipe se connecte avec son compte.");
        return (account.Email, account.DisplayName);
    }
}

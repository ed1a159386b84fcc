using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.ClipContests.Data;
using SproHub.Plugins.ClipContests.Teams;
using SproHub.Shared.Audit;
using SproHub.Shared.Data;
using SproHub.Shared.Errors;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.ClipContests.Certificates;

/// <summary>
/// The team's lead says which skills the project developed (from the seed's list, plus one of their own words): the
/// certificates list those.
/// </summary>
[RequiresPermission(ClipContestsModule.LeadTeamPermission)]
public sealed record ChooseSkills(Guid TeamId, IReadOnlyList<string>? Skills, string? Other, int Version) : IRequest<TeamView>, IVersionedRequest;

public sealed class ChooseSkillsValidator : AbstractValidator<ChooseSkills>
{
    public const int OtherMaxLength = 150;

    public ChooseSkillsValidator() => RuleFor(r => r.Other).MaximumLength(OtherMaxLength);
}

internal sealed class ChooseSkillsHandler(ClipContestsDbContext db, TeamAccess access, IAuditLog audit, TimeProvider clock) : IRequestHandler<ChooseSkills, TeamView>
{
    public async Task<TeamView> Handle(ChooseSkills request, CancellationToken cancellationToken)
    {
        var (team, edition) = await access.ManagedAsync(request.TeamId, cancellationToken);
        db.Entry(team).ExpectVersion(request.Version);
        var chosen = (request.Skills ?? []).Distinct().ToList();
        if (chosen.FirstOrDefault(s => !Certificate.ProjectSkills.Contains(s)) is { } unknown)
            throw new RuleViolationException("skills", "competence-connue", $"« {unknown} » n'est pas dans la liste : écrivez-la dans « autre compétence ».");
        if (!string.IsNullOrWhiteSpace(request.Other)) chosen.Add(request.Other.Trim());
        if (chosen.Count == 0) throw new RuleViolationException("skills", "competence-requise", "Cochez au moins une compétence que le projet a développée.");
        team.Skills = Certificate.ProjectSkills.Where(chosen.Contains).Concat(chosen.Except(Certificate.ProjectSkills)).ToList();
        db.Entry(team).State = EntityState.Modified;
        audit.Queue(db, new AuditEntry(ClipContestsModule.Id, "competences.choisies", "equipe", team.Id.ToString(), team.TerritoryId, $"{team.Name} : {team.Skills.Count} compétences"));
        await db.SaveChangesAsync(cancellationToken);
        return TeamView.From(team, edition, ParisTime.Today(clock));
    }
}

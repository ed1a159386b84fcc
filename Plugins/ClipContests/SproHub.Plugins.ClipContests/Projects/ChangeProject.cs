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

namespace SproHub.Plugins.ClipContests.Projects;

/// <summary>The team's lead writes down its project; it may change until the clips are due.</summary>
[RequiresPermission(ClipContestsModule.LeadTeamPermission)]
public sealed record ChangeProject(Guid TeamId, string? Job, string? Theme, string? Scenario, string? FilmedPerson, string? Workplace, int Version) : IRequest<TeamView>, IVersionedRequest;

public sealed class ChangeProjectValidator : AbstractValidator<ChangeProject>
{
    public ChangeProjectValidator()
    {
        RuleFor(r => r.Job).NotEmpty().WithMessage("Indiquez le métier ou le secteur filmé.").MaximumLength(Project.ShortMaxLength);
        RuleFor(r => r.Theme).NotEmpty().WithMessage("Choisissez le thème de l'édition que le clip illustre.");
        RuleFor(r => r.Scenario).MaximumLength(Project.ScenarioMaxLength);
        RuleFor(r => r.FilmedPerson).MaximumLength(Project.ShortMaxLength);
        RuleFor(r => r.Workplace).MaximumLength(Project.ShortMaxLength);
    }
}

internal sealed class ChangeProjectHandler(ClipContestsDbContext db, TeamAccess access, IAuditLog audit, TimeProvider clock) : IRequestHandler<ChangeProject, TeamView>
{
    public async Task<TeamView> Handle(ChangeProject request, CancellationToken cancellationToken)
    {
        var (team, edition) = await access.ManagedAsync(request.TeamId, cancellationToken);
        db.Entry(team).ExpectVersion(request.Version);
        var today = ParisTime.Today(clock);
        edition.EnsureSubmissionOpen(today, "job");
        var theme = edition.Themes.FirstOrDefault(t => string.Equals(t, request.Theme?.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new RuleViolationException("theme", "theme-de-l-edition", $"Choisissez l'un des thèmes de l'édition : {string.Join(", ", edition.Themes)}.");
        team.Project.Job = request.Job!.Trim();
        team.Project.Theme = theme;
        team.Project.Scenario = Clean(request.Scenario);
        team.Project.FilmedPerson = Clean(request.FilmedPerson);
        team.Project.Workplace = Clean(request.Workplace);
        db.Entry(team).State = EntityState.Modified;
        audit.Queue(db, new AuditEntry(ClipContestsModule.Id, "projet.modifie", "equipe", team.Id.ToString(), team.TerritoryId, $"{team.Name} : {team.Project.Job} ({theme})"));
        await db.SaveChangesAsync(cancellationToken);
        return TeamView.From(team, edition, today);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

using MediatR;
using SproHub.Plugins.ClipContests.Clips;
using SproHub.Plugins.ClipContests.Editions;
using SproHub.Plugins.ClipContests.Projects;
using SproHub.Shared.Security;

namespace SproHub.Plugins.ClipContests.Teams;

public sealed record ParticipantView(Guid Id, string FirstName, string LastName, DateOnly BirthDate, bool Minor, string? ParentName, DateOnly? ParentConsentOn);

public sealed record PermissionView(PermissionKind Kind, string Label, string SignedBy, DateOnly SignedOn, string FileName, string RecordedBy);

/// <param name="Missing">What the clip still lacks to count as submitted.</param>
public sealed record ClipSummary(Guid Id, string? Description, string? VideoLink, string? VideoFileName, string? PosterFileName, string? SubtitlesFileName,
    bool Complete, IReadOnlyList<string> Missing, DateTimeOffset? SubmittedAt, DateTimeOffset? PublishedAt, int Version)
{
    public static ClipSummary? From(Clip? c) => c is null ? null : new(c.Id, c.Description, c.VideoLink, c.Video?.FileName, c.Poster?.FileName, c.Subtitles?.FileName,
        c.IsComplete, c.Missing(), c.SubmittedAt, c.PublishedAt, c.Version);
}

/// <summary>A team as its lead and the coordination see it (participants included).</summary>
/// <param name="MissingPermissions">Labels of the permissions not yet uploaded.</param>
public sealed record TeamView(Guid Id, Guid EditionId, int Year, string EditionTitle, IReadOnlyList<string> Themes, string Name, Guid StructureId, string StructureName,
    string LeadEmail, string LeadName, IReadOnlyList<ParticipantView> Participants, bool RegistrationOpen, bool SubmissionOpen, Project Project,
    IReadOnlyList<PermissionView> Permissions, IReadOnlyList<string> MissingPermissions, ClipSummary? Clip, bool PrizesConfirmed, IReadOnlyList<string> Skills, int Version)
{
    public static TeamView From(Team t, Edition e, DateOnly today)
    {
        var registeredOn = DateOnly.FromDateTime(t.RegisteredAt.UtcDateTime);
        return new(t.Id, e.Id, e.Year, e.Title, e.Themes, t.Name, t.StructureId, t.StructureName, t.LeadEmail, t.LeadName,
            t.Participants.OrderBy(p => p.LastName).ThenBy(p => p.FirstName)
                .Select(p => new ParticipantView(p.Id, p.FirstName, p.LastName, p.BirthDate, p.IsMinorOn(registeredOn), p.ParentName, p.ParentConsentOn)).ToList(),
            e.PhaseOn(today) == EditionPhase.Registration, today <= e.SubmissionEnds && e.JuryClosedAt is null, t.Project,
            t.Permissions.OrderBy(p => p.Kind).Select(p => new PermissionView(p.Kind, FilmingPermission.Label(p.Kind), p.SignedBy, p.SignedOn, p.Document.FileName, p.RecordedBy)).ToList(),
            FilmingPermission.Missing(t.Permissions).Select(FilmingPermission.Label).ToList(), ClipSummary.From(t.Clip), e.PrizesConfirmedAt is not null,
            t.Skills.Count > 0 ? t.Skills : Certificates.Certificate.ProjectSkills, t.Version);
    }
}

[RequiresPermission(ClipContestsModule.ReadPermission)]
public sealed record GetTeam(Guid TeamId) : IRequest<TeamView>;

internal sealed class GetTeamHandler(TeamAccess access, TimeProvider clock) : IRequestHandler<GetTeam, TeamView>
{
    public async Task<TeamView> Handle(GetTeam request, CancellationToken cancellationToken)
    {
        var (team, edition) = await access.ManagedAsync(request.TeamId, cancellationToken);
        await access.AuditReadAsync(team, "participants", cancellationToken);
        return TeamView.From(team, edition, SproHub.Shared.Territories.ParisTime.Today(clock));
    }
}

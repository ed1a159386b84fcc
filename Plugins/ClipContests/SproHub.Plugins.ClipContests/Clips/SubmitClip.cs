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

namespace SproHub.Plugins.ClipContests.Clips;

/// <summary>The lead describes the clip and, when it is hosted elsewhere, gives its link; until the clips are due.</summary>
[RequiresPermission(ClipContestsModule.LeadTeamPermission)]
public sealed record DescribeClip(Guid TeamId, string? Description, string? VideoLink) : IRequest<TeamView>;

public sealed class DescribeClipValidator : AbstractValidator<DescribeClip>
{
    public DescribeClipValidator() =>
        RuleFor(r => r.Description).NotEmpty().WithMessage("Décrivez le clip en quelques phrases (le métier, ce qu'on y voit).").MaximumLength(Clip.DescriptionMaxLength);
}

/// <summary>The clip's video, poster or subtitles, streamed to the platform's file store; a new one replaces the last.</summary>
[RequiresPermission(ClipContestsModule.LeadTeamPermission)]
public sealed record UploadClipFile(Guid TeamId, ClipFileKind Kind, Stream Content, string FileName) : IRequest<TeamView>;

/// <summary>A clip's file for those who manage the team (before publication too).</summary>
[RequiresPermission(ClipContestsModule.ReadPermission)]
public sealed record OpenTeamClipFile(Guid TeamId, ClipFileKind Kind) : IRequest<FileContent>;

internal sealed class ClipSubmissionHandlers(ClipContestsDbContext db, TeamAccess access, ClipFiles files, IAuditLog audit, TimeProvider clock)
    : IRequestHandler<DescribeClip, TeamView>, IRequestHandler<UploadClipFile, TeamView>, IRequestHandler<OpenTeamClipFile, FileContent>
{
    public async Task<TeamView> Handle(DescribeClip request, CancellationToken cancellationToken)
    {
        var (team, edition, clip, today) = await OpenForSubmissionAsync(request.TeamId, "description", cancellationToken);
        clip.Description = request.Description!.Trim();
        // A link replaces an uploaded video: its file goes once the link is saved.
        var link = Clip.CheckLink(request.VideoLink);
        var replaced = link is null ? null : clip.Video;
        if (link is not null) (clip.VideoLink, clip.Video) = (link, null);
        await SaveAsync(team, clip, "clip.decrit", cancellationToken);
        if (replaced is not null) await files.DeleteAsync(replaced);
        return TeamView.From(team, edition, today);
    }

    public async Task<TeamView> Handle(UploadClipFile request, CancellationToken cancellationToken)
    {
        var (team, edition, clip, today) = await OpenForSubmissionAsync(request.TeamId, Clip.Accepts(request.Kind).Field, cancellationToken);
        var (maxBytes, types, field) = Clip.Accepts(request.Kind);
        await files.ReplaceAsync(clip.File(request.Kind), request.Content, request.FileName, maxBytes, types, field, async stored =>
        {
            clip.Attach(request.Kind, stored);
            await SaveAsync(team, clip, $"clip.{field}", cancellationToken);
        }, cancellationToken);
        return TeamView.From(team, edition, today);
    }

    public async Task<FileContent> Handle(OpenTeamClipFile request, CancellationToken cancellationToken)
    {
        var (team, _) = await access.ManagedAsync(request.TeamId, cancellationToken);
        var file = team.Clip?.File(request.Kind) ?? throw new NotFoundException("Ce fichier du clip n'a pas été déposé.");
        return await files.OpenAsync(file, cancellationToken);
    }

    private async Task<(Team, Editions.Edition, Clip, DateOnly)> OpenForSubmissionAsync(Guid teamId, string field, CancellationToken cancellationToken)
    {
        var (team, edition) = await access.ManagedAsync(teamId, cancellationToken);
        var today = ParisTime.Today(clock);
        edition.EnsureSubmissionOpen(today, field);
        if (team.Clip is null) db.Add(team.Clip = Clip.For(team.Id, edition.Id, team.TerritoryId));
        if (team.Clip.PublishedAt is not null)
            throw new RuleViolationException(field, "clip-publie", "Ce clip est publié : la coordination le retire de la galerie avant qu'il ne change.");
        return (team, edition, team.Clip, today);
    }

    private async Task SaveAsync(Team team, Clip clip, string action, CancellationToken cancellationToken)
    {
        if (clip.IsComplete) clip.SubmittedAt ??= clock.GetUtcNow();
        if (db.Entry(clip).State == EntityState.Unchanged) db.Entry(clip).State = EntityState.Modified;
        audit.Queue(db, new AuditEntry(ClipContestsModule.Id, action, "equipe", team.Id.ToString(), team.TerritoryId,
            clip.IsComplete ? $"{team.Name} : clip déposé" : $"{team.Name} : il manque {string.Join(", ", clip.Missing())}"));
        await db.SaveOrConflictAsync("Le clip de cette équipe vient d'être déposé par quelqu'un d'autre : rechargez la page.", "clip-unique", cancellationToken);
    }
}

using MediatR;
using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.ClipContests.Data;
using SproHub.Plugins.ClipContests.Projects;
using SproHub.Plugins.ClipContests.Teams;
using SproHub.Shared.Audit;
using SproHub.Shared.Errors;
using SproHub.Shared.Security;

namespace SproHub.Plugins.ClipContests.Clips;

/// <summary>The coordination publishes a submitted clip in the public gallery; never without all its filming permissions.</summary>
[RequiresPermission(ClipContestsModule.ManagePermission)]
public sealed record PublishClip(Guid ClipId, bool Published) : IRequest<ClipSummary>;

internal sealed class PublishClipHandler(ClipContestsDbContext db, IAuditLog audit, TimeProvider clock) : IRequestHandler<PublishClip, ClipSummary>
{
    public async Task<ClipSummary> Handle(PublishClip request, CancellationToken cancellationToken)
    {
        var team = await db.Teams.Include(t => t.Permissions).Include(t => t.Clip).FirstOrDefaultAsync(t => t.Clip!.Id == request.ClipId, cancellationToken)
            ?? throw new NotFoundException("Clip introuvable.");
        var clip = team.Clip!;
        if (request.Published == (clip.PublishedAt is not null)) return ClipSummary.From(clip)!;
        if (request.Published)
        {
            if (!clip.IsComplete)
                throw new RuleViolationException("clipId", "clip-incomplet", $"Le clip de l'équipe « {team.Name} » n'est pas complet : il manque {string.Join(", ", clip.Missing())}.");
            FilmingPermission.EnsureComplete(team.Permissions, team.Name);
            clip.PublishedAt = clock.GetUtcNow();
        }
        else clip.PublishedAt = null;
        db.Record(clock, ClipContestsModule.Indicators.ClipsPublished, team.TerritoryId, request.Published ? 1 : -1, clip.Id.ToString());
        audit.Queue(db, new AuditEntry(ClipContestsModule.Id, request.Published ? "clip.publie" : "clip.retire", "clip", clip.Id.ToString(), team.TerritoryId, team.Name));
        await db.SaveChangesAsync(cancellationToken);
        return ClipSummary.From(clip)!;
    }
}

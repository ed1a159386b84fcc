using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.ClipContests.Clips;
using SproHub.Plugins.ClipContests.Data;
using SproHub.Plugins.ClipContests.Editions;
using SproHub.Plugins.ClipContests.Projects;
using SproHub.Plugins.ClipContests.Teams;
using SproHub.Shared.Errors;
using SproHub.Shared.Security;

namespace SproHub.Plugins.ClipContests.Jury;

/// <summary>A clip the jury judges: submitted, with every filming permission.</summary>
public sealed record CompetingClip(Clip Clip, Team Team);

/// <summary>The jury's room: its members and the coordination enter; a member acts only as themself.</summary>
internal sealed class JuryAccess(ClipContestsDbContext db, ICurrentUser user)
{
    public bool Manages => user.Can(ClipContestsModule.ManagePermission);

    public async Task<Edition> EditionAsync(int year, CancellationToken cancellationToken) =>
        await db.Editions.FirstOrDefaultAsync(e => e.Year == year, cancellationToken) ?? throw new NotFoundException($"Aucune édition {year} dans ce territoire.");

    public Task<List<JuryMember>> MembersAsync(Guid editionId, CancellationToken cancellationToken) =>
        db.JuryMembers.Where(m => m.EditionId == editionId).OrderByDescending(m => m.IsPresident).ThenBy(m => m.Name).ToListAsync(cancellationToken);

    /// <summary>The signed-in person as a member of this edition's jury, or null; refused when neither member nor coordination.</summary>
    public JuryMember? Me(IReadOnlyList<JuryMember> members)
    {
        var me = members.FirstOrDefault(m => m.Is(user.Email));
        if (me is null && !Manages) throw new ForbiddenException("Seuls les membres du jury de cette édition et la coordination y ont accès.");
        return me;
    }

    public JuryMember Member(IReadOnlyList<JuryMember> members) =>
        members.FirstOrDefault(m => m.Is(user.Email)) ?? throw new ForbiddenException("Vous n'êtes pas membre du jury de cette édition.");

    public async Task<List<CompetingClip>> CompetingAsync(Guid editionId, CancellationToken cancellationToken)
    {
        var teams = await db.Teams.Include(t => t.Permissions).Include(t => t.Clip).Where(t => t.EditionId == editionId && t.Clip != null).ToListAsync(cancellationToken);
        return teams.Where(t => t.Clip!.IsComplete && FilmingPermission.Missing(t.Permissions).Count == 0).OrderBy(t => t.Name).Select(t => new CompetingClip(t.Clip!, t)).ToList();
    }

    public async Task<List<Conflict>> ConflictsAsync(IReadOnlyCollection<Guid> memberIds, CancellationToken cancellationToken) =>
        await db.Conflicts.Where(c => memberIds.Contains(c.JuryMemberId)).ToListAsync(cancellationToken);

    public async Task<List<Score>> ScoresAsync(IReadOnlyCollection<Guid> memberIds, CancellationToken cancellationToken) =>
        await db.Scores.Where(s => memberIds.Contains(s.JuryMemberId)).ToListAsync(cancellationToken);
}

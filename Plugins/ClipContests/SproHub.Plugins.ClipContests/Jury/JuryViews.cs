using MediatR;
using SproHub.Plugins.ClipContests.Editions;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.ClipContests.Jury;

public sealed record CriterionView(string Name, int Weight);
/// <param name="Scored">How many of the clips they have to score they have scored (never the marks before the jury closes).</param>
public sealed record JuryMemberView(Guid Id, string Name, bool IsPresident, int Scored, int ToScore);
/// <param name="Conflict">Why the reader does not score it, or null.</param>
/// <param name="MyMarks">The reader's own marks, or null.</param>
public sealed record JuryClipView(Guid ClipId, Guid TeamId, string TeamName, string? Job, string? Theme, string Description, bool HasVideoFile, string? VideoLink,
    string? Conflict, IReadOnlyList<int>? MyMarks);

/// <param name="Ranking">Only once the jury is closed.</param>
public sealed record JuryView(int Year, string Title, EditionPhase Phase, string PhaseLabel, DateOnly JuryStarts, DateOnly JuryEnds, bool ScoringOpen, bool Closed,
    IReadOnlyList<CriterionView> Criteria, string TieBreakRule, IReadOnlyList<JuryMemberView> Members, bool IAmMember, bool IAmPresident, bool CanManage,
    IReadOnlyList<JuryClipView> Clips, IReadOnlyList<RankedClip>? Ranking, IReadOnlyList<Prize> Prizes, int Version);

/// <summary>The jury of an edition as the reader may see it: own marks only until the jury closes, then everyone's ranking.</summary>
[RequiresPermission(ClipContestsModule.JuryPermission)]
public sealed record GetJury(int Year) : IRequest<JuryView>;

internal sealed class GetJuryHandler(JuryAccess access, TimeProvider clock) : IRequestHandler<GetJury, JuryView>
{
    public async Task<JuryView> Handle(GetJury request, CancellationToken cancellationToken)
    {
        var edition = await access.EditionAsync(request.Year, cancellationToken);
        var members = await access.MembersAsync(edition.Id, cancellationToken);
        var me = access.Me(members);
        var clips = await access.CompetingAsync(edition.Id, cancellationToken);
        var ids = members.Select(m => m.Id).ToList();
        var conflicts = await access.ConflictsAsync(ids, cancellationToken);
        var scores = await access.ScoresAsync(ids, cancellationToken);
        var today = ParisTime.Today(clock);
        var scoringOpen = edition.JuryClosedAt is null && today >= edition.JuryStarts && today <= edition.JuryEnds;

        var memberViews = members.Select(m =>
        {
            var toScore = clips.Where(c => Conflict.Between(m, c.Team, conflicts) is null).Select(c => c.Clip.Id).ToHashSet();
            return new JuryMemberView(m.Id, m.Name, m.IsPresident, scores.Count(s => s.JuryMemberId == m.Id && toScore.Contains(s.ClipId)), toScore.Count);
        }).ToList();
        var clipViews = clips.Select(c => new JuryClipView(c.Clip.Id, c.Team.Id, c.Team.Name, c.Team.Project.Job, c.Team.Project.Theme, c.Clip.Description ?? "",
            c.Clip.Video is not null, c.Clip.VideoLink,
            me is null ? null : Conflict.Between(me, c.Team, conflicts) is { } reason ? Conflict.Label(reason) : null,
            me is null ? null : scores.FirstOrDefault(s => s.JuryMemberId == me.Id && s.ClipId == c.Clip.Id)?.Marks)).ToList();
        var ranking = edition.JuryClosedAt is null ? null
            : Ranking.Compute(edition.Criteria, clips.Select(c => (c.Clip.Id, c.Team.Id, c.Team.Name)), scores);
        return new JuryView(edition.Year, edition.Title, edition.PhaseOn(today), Edition.PhaseLabel(edition.PhaseOn(today)), edition.JuryStarts, edition.JuryEnds,
            scoringOpen, edition.JuryClosedAt is not null, edition.Criteria.Select(c => new CriterionView(c.Name, c.Weight)).ToList(), Ranking.TieBreakRule,
            memberViews, me is not null, me?.IsPresident == true, access.Manages, clipViews, ranking, edition.Prizes.OrderBy(p => p.Rank).ToList(), edition.Version);
    }
}

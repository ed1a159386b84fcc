using SproHub.Plugins.ClipContests.Jury;
using SproHub.Plugins.ClipContests.Teams;
using SproHub.Shared.Errors;
using Xunit;

namespace ClipContests.Tests;

/// <summary>The jury's grid, conflicts, ranking and tie-break, without a host.</summary>
public sealed class RankingTests
{
    private static readonly List<Criterion> Grid = Criterion.Default(); // Message 30, Créativité 25, Thème 25, Technique 20
    private static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid(), C = Guid.NewGuid(), D = Guid.NewGuid();
    private static readonly Guid[] Members = [Guid.NewGuid(), Guid.NewGuid()];

    private static Score Marks(int member, Guid clip, params int[] marks) => new() { JuryMemberId = Members[member], ClipId = clip, Marks = [.. marks] };

    private static IReadOnlyList<RankedClip> Rank(params Score[] scores) =>
        Ranking.Compute(Grid, new[] { A, B, C, D }.Select((id, i) => (id, Guid.NewGuid(), $"Équipe {"ABCD"[i]}")), scores);

    [Fact]
    public void A_member_s_score_is_the_weighted_mean_of_the_marks_out_of_twenty()
    {
        Assert.Equal(11.5m, Marks(0, A, 15, 10, 10, 10).Weighted(Grid));
        Assert.Equal(20m, Marks(0, A, 20, 20, 20, 20).Weighted(Grid));
        Assert.Equal(("marks", "notes"), Refusal(() => Score.Check([10, 10, 10], Grid)));
        Assert.Equal(("marks[3]", "notes"), Refusal(() => Score.Check([10, 10, 10, -1], Grid)));
    }

    [Fact]
    public void Clips_rank_by_mean_then_by_the_heaviest_criterion_then_the_next_and_equal_clips_share_a_rank()
    {
        var ranking = Rank(
            Marks(0, A, 16, 10, 10, 10), Marks(1, A, 16, 10, 10, 10),  // 11.8, Message 16
            Marks(0, B, 10, 14, 14, 10), Marks(1, B, 10, 14, 14, 8),   // 11.8, Message 10
            Marks(0, C, 12, 12, 12, 12),                               // 12: first
            Marks(0, D, 16, 10, 10, 10));                              // the same as A on every line: shares its rank
        Assert.Equal([C, A, D, B], ranking.Select(r => r.ClipId));
        Assert.Equal([1, 2, 2, 4], ranking.Select(r => r.Rank));
        Assert.Equal([false, false, true, false], ranking.Select(r => r.TiedWithPrevious));
        Assert.Equal([16m, 10m, 10m, 10m], ranking[1].CriterionMeans);
        Assert.Equal(2, ranking[1].ScoredBy);
    }

    [Fact]
    public void Between_equal_weights_the_grid_s_order_decides()
    {
        // Créativité and Respect du thème weigh 25 each: Créativité, listed first, breaks the tie.
        var ranking = Rank(Marks(0, A, 10, 12, 8, 10), Marks(0, B, 10, 8, 12, 10), Marks(0, C, 0, 0, 0, 0), Marks(0, D, 0, 0, 0, 0));
        Assert.Equal([A, B], ranking.Take(2).Select(r => r.ClipId));
    }

    [Fact]
    public void The_president_confirms_the_ranking_s_top_three_ordering_only_clips_tied_on_every_line()
    {
        var ranking = Rank(Marks(0, A, 16, 10, 10, 10), Marks(0, B, 10, 10, 10, 10), Marks(0, C, 16, 10, 10, 10), Marks(0, D, 10, 10, 10, 10));
        // A and C tie for first, B and D for third.
        Assert.True(Ranking.Accepts(ranking, [A, C, B]));
        Assert.True(Ranking.Accepts(ranking, [C, A, D]));
        Assert.False(Ranking.Accepts(ranking, [A, B, C]));
        Assert.False(Ranking.Accepts(ranking, [A, C]));
        Assert.False(Ranking.Accepts(ranking, [A, A, B]));
        // Fewer than three clips: fewer prizes.
        var two = Ranking.Compute(Grid, [(A, Guid.NewGuid(), "A"), (B, Guid.NewGuid(), "B")], [Marks(0, A, 12, 12, 12, 12), Marks(0, B, 10, 10, 10, 10)]);
        Assert.True(Ranking.Accepts(two, [A, B]));
        Assert.False(Ranking.Accepts(two, [B, A]));
    }

    [Fact]
    public void A_member_does_not_score_their_structure_s_team_nor_one_they_declared()
    {
        var structure = Guid.NewGuid();
        var team = Team.Register(Guid.NewGuid(), "cher", "Les Cadreurs", structure, "Mission Locale de Bourges", "agent@exemple.fr", "Agent",
            [new("A", "Exemple", new DateOnly(2000, 1, 1), null, null), new("B", "Exemple", new DateOnly(2000, 1, 1), null, null), new("C", "Exemple", new DateOnly(2000, 1, 1), null, null)],
            new DateOnly(2027, 1, 1), DateTimeOffset.UnixEpoch);
        var fromStructure = new JuryMember { StructureId = structure };
        var outsider = new JuryMember { StructureId = Guid.NewGuid() };
        Assert.Equal(ConflictReason.OwnStructure, Conflict.Between(fromStructure, team, []));
        Assert.Null(Conflict.Between(outsider, team, []));
        Assert.Equal(ConflictReason.Relative, Conflict.Between(outsider, team, [new Conflict { JuryMemberId = outsider.Id, TeamId = team.Id, Reason = ConflictReason.Relative }]));
        Assert.Null(Conflict.Between(outsider, team, [new Conflict { JuryMemberId = Guid.NewGuid(), TeamId = team.Id, Reason = ConflictReason.Relative }]));
    }

    [Fact]
    public void A_grid_has_one_to_eight_distinct_weighted_criteria()
    {
        Assert.Equal(2, Criterion.Check([("Message", 60), ("Image", 40)]).Count);
        Assert.Equal(("criteria", "grille"), Refusal(() => Criterion.Check([])));
        Assert.Equal(("criteria[1].weight", "grille"), Refusal(() => Criterion.Check([("Message", 60), ("Image", 0)])));
        Assert.Equal(("criteria", "grille"), Refusal(() => Criterion.Check([("Message", 60), ("message", 40)])));
    }

    private static (string, string) Refusal(Action action)
    {
        var refusal = Assert.Throws<RuleViolationException>(action);
        return (refusal.Field, refusal.Rule);
    }
}

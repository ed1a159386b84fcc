namespace SproHub.Plugins.ClipContests.Jury;

/// <param name="CriterionMeans">The jury's mean mark on each criterion, in the grid's order.</param>
/// <param name="TiedWithPrevious">Equal to the clip ranked just above on every tie-break: only the president orders them.</param>
public sealed record RankedClip(int Rank, Guid ClipId, Guid TeamId, string TeamName, decimal Mean, IReadOnlyList<decimal> CriterionMeans, int ScoredBy, bool TiedWithPrevious);

/// <summary>
/// The jury's ranking. Each member's marks give a weighted score out of 20 (Σ mark × weight ÷ Σ weight); a clip's score
/// is the mean over the members who scored it (a member in conflict never did). Ties are broken by the mean mark on the
/// heaviest criterion, then on the next heaviest, and so on (the grid's order between equal weights); clips still equal
/// on all of these share a rank, and the jury's president orders them when confirming the prizes.
/// </summary>
public static class Ranking
{
    public const string TieBreakRule =
        "Classement à la moyenne des notes pondérées des jurés, sur 20. À égalité, la meilleure moyenne au critère le plus lourd l'emporte, puis au suivant, "
        + "et ainsi de suite ; si l'égalité demeure sur tous les critères, le président du jury départage en confirmant le palmarès.";

    public static IReadOnlyList<RankedClip> Compute(IReadOnlyList<Criterion> grid, IEnumerable<(Guid ClipId, Guid TeamId, string TeamName)> clips, IReadOnlyCollection<Score> scores)
    {
        var order = grid.Select((c, i) => (c.Weight, i)).OrderByDescending(x => x.Weight).ThenBy(x => x.i).Select(x => x.i).ToList();
        var rows = clips.Select(c =>
        {
            var mine = scores.Where(s => s.ClipId == c.ClipId).ToList();
            var mean = mine.Count == 0 ? 0m : Math.Round(mine.Average(s => s.Weighted(grid)), 4);
            var criteria = grid.Select((_, i) => mine.Count == 0 ? 0m : Math.Round((decimal)mine.Average(s => s.Marks[i]), 4)).ToList();
            return (c, mean, criteria, key: (IReadOnlyList<decimal>)[mean, .. order.Select(i => criteria[i])], count: mine.Count);
        }).ToList();
        rows.Sort((a, b) =>
        {
            for (var i = 0; i < a.key.Count; i++)
            {
                var compared = b.key[i].CompareTo(a.key[i]);
                if (compared != 0) return compared;
            }
            return string.CompareOrdinal(a.c.TeamName, b.c.TeamName); // a stable display order; the rank stays shared
        });
        var ranked = new List<RankedClip>();
        for (var i = 0; i < rows.Count; i++)
        {
            var tied = i > 0 && rows[i].key.SequenceEqual(rows[i - 1].key);
            var rank = tied ? ranked[i - 1].Rank : i + 1;
            ranked.Add(new RankedClip(rank, rows[i].c.ClipId, rows[i].c.TeamId, rows[i].c.TeamName, rows[i].mean, rows[i].criteria, rows[i].count, tied));
        }
        return ranked;
    }

    /// <summary>
    /// The rule « palmares-conforme »: the president's top three is the ranking's, except that clips tied on every
    /// tie-break (including a tie across the third place) may come in the order the president chooses.
    /// </summary>
    public static bool Accepts(IReadOnlyList<RankedClip> ranking, IReadOnlyList<Guid> podium)
    {
        var places = Math.Min(3, ranking.Count);
        if (podium.Count != places || podium.Distinct().Count() != places) return false;
        for (var i = 0; i < places; i++)
        {
            var chosen = ranking.FirstOrDefault(r => r.ClipId == podium[i]);
            if (chosen is null || chosen.Rank != ranking[i].Rank) return false;
        }
        return true;
    }
}

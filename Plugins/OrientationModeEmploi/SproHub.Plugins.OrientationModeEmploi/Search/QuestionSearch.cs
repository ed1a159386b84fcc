namespace SproHub.Plugins.OrientationModeEmploi.Search;

/// <summary>A question as the search sees it: its own words count more than those of its theme, keywords and structures.</summary>
public sealed record Searchable(Guid QuestionId, string Text, string? Keywords, string Theme, IReadOnlyList<string> Structures);

/// <summary>A question's words, read once: the guide is searched at every key typed.</summary>
public sealed record IndexedQuestion(Guid QuestionId, string Text, IReadOnlyList<string> Own, IReadOnlyList<string> Other)
{
    public static IndexedQuestion From(Searchable q) =>
        new(q.QuestionId, q.Text, GuideText.Words(q.Text), GuideText.Words($"{q.Keywords} {q.Theme} {string.Join(' ', q.Structures)}"));
}

public static class QuestionSearch
{
    /// <summary>
    /// Every word typed must begin a word of the question, its keywords, its theme or one of its structures
    /// (so that results narrow down as one types); best matches first.
    /// </summary>
    public static IReadOnlyList<Guid> Find(string query, IEnumerable<Searchable> questions, int max = 20) =>
        Find(query, questions.Select(IndexedQuestion.From), max);

    public static IReadOnlyList<Guid> Find(string query, IEnumerable<IndexedQuestion> questions, int max = 20)
    {
        var terms = GuideText.Words(query);
        if (terms.Count == 0) return [];
        return questions
            .Select(q => (q.QuestionId, q.Text, Score: Score(terms, q.Own, q.Other)))
            .Where(r => r.Score > 0)
            .OrderByDescending(r => r.Score).ThenBy(r => r.Text, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true))
            .Take(max).Select(r => r.QuestionId).ToList();
    }

    /// <summary>A word begun (typing "apprent"), or the word with a longer ending ("handicapé" for "handicap").</summary>
    private static bool Matches(string word, string term) =>
        word.StartsWith(term, StringComparison.Ordinal) || (word.Length >= 5 && term.StartsWith(word, StringComparison.Ordinal) && term.Length - word.Length <= 2);

    /// <summary>0 when a term matches nowhere; otherwise 2 per term found in the question itself, 1 elsewhere, +1 for a whole word.</summary>
    private static int Score(IReadOnlyList<string> terms, IReadOnlyList<string> own, IReadOnlyList<string> other)
    {
        var score = 0;
        foreach (var term in terms)
        {
            var inOwn = own.Where(w => Matches(w, term)).ToList();
            var inOther = other.Where(w => Matches(w, term)).ToList();
            if (inOwn.Count == 0 && inOther.Count == 0) return 0;
            score += inOwn.Count > 0 ? 2 : 1;
            if (inOwn.Concat(inOther).Contains(term)) score++;
        }
        return score;
    }
}

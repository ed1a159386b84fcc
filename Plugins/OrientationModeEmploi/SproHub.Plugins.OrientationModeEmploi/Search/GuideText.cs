using System.Globalization;
using System.Text;

namespace SproHub.Plugins.OrientationModeEmploi.Search;

/// <summary>
/// How the search reads text: accents, case and punctuation ignored, plural endings dropped, the little words
/// of a spoken question ("je", "pour", "comment") left out.
/// </summary>
public static class GuideText
{
    private static readonly HashSet<string> StopWords =
    [
        "a", "au", "aux", "avec", "ce", "c", "comment", "d", "dans", "de", "des", "du", "en", "est", "et", "faire", "il", "j", "je", "l", "la", "le",
        "les", "m", "ma", "me", "mes", "mon", "ou", "par", "pour", "puis", "qu", "que", "quel", "quelle", "qui", "quoi", "s", "sa", "se", "ses", "son",
        "sur", "t", "un", "une", "vers", "y",
    ];

    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            builder.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }
        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The meaningful words, each reduced to its singular-looking stem.</summary>
    public static IReadOnlyList<string> Words(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : Normalize(text).Split(' ').Where(w => !StopWords.Contains(w)).Select(Stem).Distinct().ToList();

    private static string Stem(string word) => word.Length > 3 && (word.EndsWith('s') || word.EndsWith('x')) ? word[..^1] : word;
}

using System.Globalization;
using System.Text;

namespace SproHub.Network.Structures;

/// <summary>How the directory compares words: without accents, case or punctuation ("Vendôme" is "vendome").</summary>
public static class DirectoryText
{
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

    public static IReadOnlyList<string> Words(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();
}

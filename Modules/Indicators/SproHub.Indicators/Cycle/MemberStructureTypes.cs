using System.Globalization;
using System.Text;

namespace SproHub.Indicators.Cycle;

/// <summary>
/// The rows of indicators 7 and 7bis: the types of member structure seed 002's table lists, in its order (ML, CIO, Pôle
/// emploi, BIJ, PIJ, Cap emploi, CAD, Point A), named as the network is today (France Travail), then the others a
/// territory has. The directory's and the coordinators' spellings of a seed type are read as that type.
/// </summary>
public static class MemberStructureTypes
{
    private static readonly (string Name, string[] Spellings)[] Seed =
    [
        ("Mission Locale", ["ml", "missions locales"]),
        ("CIO", ["centre d'information et d'orientation"]),
        ("France Travail", ["pole emploi", "france travail (ex-pole emploi)"]),
        ("BIJ", ["bureau information jeunesse"]),
        ("PIJ", ["point information jeunesse"]),
        ("Cap emploi", []),
        ("CAD", ["chambre de metiers et de l'artisanat (cad)", "chambre de metiers et de l'artisanat", "chambre de metiers", "cad / chambre de metiers et de l'artisanat", "cma"]),
        ("Point A", []),
    ];

    /// <summary>Seed 002's types, in its order.</summary>
    public static IReadOnlyList<string> InSeedOrder { get; } = Seed.Select(s => s.Name).ToList();

    private static readonly Dictionary<string, string> BySpelling = Seed
        .SelectMany(s => s.Spellings.Append(s.Name).Select(spelling => (Key: Key(spelling), s.Name)))
        .ToDictionary(x => x.Key, x => x.Name);

    /// <summary>The seed's name for a spelling of one of its types; any other type as typed (trimmed).</summary>
    public static string Canonical(string type) => BySpelling.GetValueOrDefault(Key(type), type.Trim());

    /// <summary>The seed's types first, in its order, then the others alphabetically.</summary>
    public static IEnumerable<string> Ordered(IEnumerable<string> types)
    {
        var others = types.Select(Canonical).Where(t => t.Length > 0 && !InSeedOrder.Contains(t)).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), true));
        return InSeedOrder.Concat(others);
    }

    /// <summary>Case, accents and spaces aside.</summary>
    private static string Key(string type)
    {
        var decomposed = type.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var key = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) key.Append(c == '’' ? '\'' : c);
        return string.Join(' ', key.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}

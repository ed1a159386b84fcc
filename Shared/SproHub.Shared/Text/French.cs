using System.Globalization;

namespace SproHub.Shared.Text;

/// <summary>
/// Numbers with their words, as French writes them: « 0 structure », « 1 demande », « 30 structures », never
/// « structure(s) »; the unit after a figure is held to it by a non-breaking space (« 1 200 € », « 45 % »).
/// </summary>
public static class French
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("fr-FR");
    private const char NoBreak = '\u00A0';

    /// <summary>French takes the singular below two: « 0 situation », « 1 situation », « 2 situations ».</summary>
    public static bool IsPlural(decimal count) => Math.Abs(count) >= 2;

    /// <summary>The words that agree with a count, without it: <c>Word(n, "a été envoyée", "ont été envoyées")</c>.</summary>
    public static string Word(decimal count, string singular, string plural) => IsPlural(count) ? plural : singular;

    /// <summary>A count and its words: <c>Count(n, "structure présente", "structures présentes")</c>.</summary>
    public static string Count(decimal count, string singular, string plural) =>
        $"{count.ToString("#,##0.##", Culture)}{NoBreak}{Word(count, singular, plural)}";

    /// <summary>An amount in euros, cents shown: « 15 000,00 € ».</summary>
    public static string Euros(decimal amount) => amount.ToString("#,##0.00", Culture) + NoBreak + "€";

    /// <summary>A percentage already multiplied by 100: « 31 % », « 12,5 % ».</summary>
    public static string Percent(decimal percent) => percent.ToString("0.#", Culture) + NoBreak + "%";
}

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

    /// <summary>A date in words as French writes it, the first of a month as an ordinal: « 1er mai 2026 », « jeudi 1er mai », « 2 mai ».</summary>
    public static string ToFrench(this DateOnly day, string format = "d MMMM yyyy") => day.ToString(Ordinal(format, day.Day), Culture);

    /// <inheritdoc cref="ToFrench(DateOnly, string)"/>
    public static string ToFrench(this DateTime at, string format) => at.ToString(Ordinal(format, at.Day), Culture);

    /// <inheritdoc cref="ToFrench(DateOnly, string)"/>
    public static string ToFrench(this DateTimeOffset at, string format) => at.ToString(Ordinal(format, at.Day), Culture);

    /// <summary>The format with its lone « d » (day of month) written « 1er » on the first; quoted text and « dd », « ddd », « dddd » kept.</summary>
    private static string Ordinal(string format, int day)
    {
        if (day != 1 || !format.Contains("MMM", StringComparison.Ordinal)) return format;
        var written = new System.Text.StringBuilder(format.Length + 4);
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if (c is '\'' or '"')
            {
                var end = format.IndexOf(c, i + 1);
                end = end < 0 ? format.Length - 1 : end;
                written.Append(format, i, end - i + 1);
                i = end;
            }
            else if (c == '\\' && i + 1 < format.Length) { written.Append(format, i, 2); i++; }
            else if (c == 'd')
            {
                var run = 1;
                while (i + run < format.Length && format[i + run] == 'd') run++;
                written.Append(run == 1 ? "'1er'" : new string('d', run));
                i += run - 1;
            }
            else written.Append(c);
        }
        return written.ToString();
    }
}

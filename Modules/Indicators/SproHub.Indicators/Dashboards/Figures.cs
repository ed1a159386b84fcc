using System.Globalization;
using SproHub.Indicators.Catalogue;

namespace SproHub.Indicators.Dashboards;

/// <summary>How a figure reads in French on the pages and in the exports.</summary>
public static class Figures
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>Below this many people a count could point at someone.</summary>
    public const int SmallCount = 5;

    /// <summary>The figure as it may be shown: a count of people under <see cref="SmallCount"/> is withheld (computed sums stay exact).</summary>
    public static IndicatorFigure? Shown(IndicatorFigure? figure, IndicatorKind kind) => figure switch
    {
        { Value: { } v } when kind == IndicatorKind.People && v < SmallCount => new IndicatorFigure(null) { Masked = true },
        // An average over so few people keeps its value but not the count it is made of.
        { Denominator: { } people } when kind == IndicatorKind.Average && people < SmallCount => new IndicatorFigure(figure.Value),
        _ => figure,
    };

    /// <summary>A spreadsheet's cell: the number, or « &lt; 5 » for a withheld count.</summary>
    public static object? Cell(IndicatorFigure? figure) => figure is { Masked: true } ? $"< {SmallCount}" : figure?.Value;

    /// <summary>
    /// A cell where a column mixes kinds (the Région's rollup: a column per territory): a rate as the percentage people
    /// read (70.0 for 0.7, its unit « % » beside it), since one column cannot carry Excel's percentage format for some rows.
    /// </summary>
    public static object? Cell(IndicatorFigure? figure, IndicatorKind kind) =>
        kind == IndicatorKind.Rate && figure?.Value is { } rate ? Math.Round(rate * 100, 1) : Cell(figure);

    public static string Format(IndicatorFigure? figure, IndicatorKind kind) => figure?.Value switch
    {
        null when figure is { Masked: true } => $"< {SmallCount}",
        null => "—",
        { } v when kind == IndicatorKind.Rate => v.ToString("0.0 %", French),
        { } v when kind == IndicatorKind.Amount => v.ToString("#,##0.00 €", French),
        { } v when kind == IndicatorKind.Average => v.ToString("#,##0.#", French),
        { } v => v.ToString("#,##0.##", French),
    };

    /// <summary>The numerator and denominator a rate is made of, as « 45 / 60 ».</summary>
    public static string? Parts(IndicatorFigure? figure) =>
        figure is { Numerator: { } n, Denominator: { } d } ? $"{n.ToString("#,##0.##", French)} / {d.ToString("#,##0.##", French)}" : null;

    public static string Source(IndicatorSource source) => source == IndicatorSource.Events ? "plateforme" : "saisie";
}

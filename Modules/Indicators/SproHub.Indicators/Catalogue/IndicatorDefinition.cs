namespace SproHub.Indicators.Catalogue;

/// <summary>The three evaluative questions the dashboards answer by 2019; each is a section of the dashboard.</summary>
public enum EvaluativeQuestion
{
    /// <summary>Les acteurs du SPRO se connaissent-ils bien ?</summary>
    ActorsKnowEachOther = 1,
    /// <summary>Les moyens alloués par la Région et le FSE lui ont-ils permis de réaliser ses objectifs ?</summary>
    MeansReachedGoals = 2,
    /// <summary>Le SPRO a-t-il permis l'amélioration du service d'orientation ?</summary>
    ServiceImproved = 3,
}

/// <summary>
/// A count (meetings, broadcasts), a rate (numerator over denominator), an amount in euros, a count of people, which
/// reads « &lt; 5 » below five wherever it is shown or exported, or an average (a total over a count, in the unit of the total).
/// </summary>
public enum IndicatorKind { Count, Rate, Amount, People, Average }

public enum IndicatorPeriod { CivilYear, SchoolYear }

/// <summary>The levels an indicator is shown at; every level adds up the one below.</summary>
[Flags]
public enum IndicatorLevels { Territory = 1, Department = 2, Region = 4, All = Territory | Department | Region }

/// <summary>Where its figures come from: the platform's own events, or a form the coordinator fills.</summary>
public enum IndicatorSource { Events, Form }

/// <summary>
/// An indicator of the catalogue. A rate or an average names its numerator and denominator, which are what rolls up
/// (summed, never averaged); a plugin's indicator carries its module's id and appears only where the plugin is enabled.
/// </summary>
/// <param name="Code">Stable key of the API and the stored figures (<c>7bis</c>, <c>cellule.situations-examined</c>); not for people.</param>
/// <param name="Number">Its number in the Région's evaluation (seed 002: 1, 2, 7, 7bis, 20, 24, 25), shown beside its label; null for the others.</param>
/// <param name="AverageOver">For an average, the code of the count it is divided by.</param>
public sealed record IndicatorDefinition(
    string Code,
    string Label,
    EvaluativeQuestion Question,
    string Unit,
    IndicatorKind Kind,
    IndicatorSource Source,
    IndicatorPeriod Period = IndicatorPeriod.CivilYear,
    string? Numerator = null,
    string? Denominator = null,
    string? ModuleId = null,
    IndicatorLevels Levels = IndicatorLevels.All,
    string? Number = null,
    string? AverageOver = null)
{
    public bool IsPlugin => ModuleId is not null;

    /// <summary>Its number when the Région's evaluation gives one, followed by its label: « 7bis — Agents des structures membres ».</summary>
    public static string Title(string? number, string label) => number is null ? label : $"{number} — {label}";

    public static string QuestionLabel(EvaluativeQuestion question) => question switch
    {
        EvaluativeQuestion.ActorsKnowEachOther => "Les acteurs du SPRO se connaissent-ils bien ?",
        EvaluativeQuestion.MeansReachedGoals => "Les moyens alloués par la Région et le FSE ont-ils permis au SPRO de réaliser ses objectifs ?",
        _ => "Le SPRO a-t-il permis l'amélioration du service d'orientation ?",
    };
}

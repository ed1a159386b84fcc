namespace SproHub.Governance.Meetings;

public enum CadenceState { Met, Planned, Due, Late }

public sealed record CadencePeriod(string Label, DateOnly Start, DateOnly End);

/// <param name="State">Met: a meeting was held in the period (its attendance recorded); Planned: one is scheduled in it;
/// Due: the period is under way and nothing is scheduled; Late: the period ended without one held.</param>
public sealed record CadenceCheck(MeetingType Type, CadencePeriod Period, CadenceState State, int Meetings)
{
    public bool Behind => State is CadenceState.Due or CadenceState.Late;
}

/// <summary>The periods of each frequency a governance mode can choose, and what they make of the meetings held.</summary>
public static class Cadence
{
    private static readonly string[] MonthNames = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

    public static string Expectation(Modes.Frequency frequency) => frequency switch
    {
        Modes.Frequency.Quarterly => "au moins une fois par trimestre",
        Modes.Frequency.EveryTwoMonths => "tous les deux mois",
        Modes.Frequency.JuneAndDecember => "2 par an, en juin et en décembre",
        Modes.Frequency.Semiannual => "une par semestre",
        Modes.Frequency.SchoolYearStart => "à la rentrée (septembre ou octobre), elle désigne les coordonnateurs",
        Modes.Frequency.Yearly => "une par an",
        _ => frequency.ToString(),
    };

    public static IEnumerable<CadencePeriod> Periods(Modes.Frequency frequency, int year) => frequency switch
    {
        Modes.Frequency.Quarterly => Quarters(year),
        Modes.Frequency.EveryTwoMonths => Enumerable.Range(0, 6).Select(i =>
            new CadencePeriod($"{MonthNames[2 * i]}–{MonthNames[2 * i + 1]} {year}", new DateOnly(year, 2 * i + 1, 1), new DateOnly(year, 2 * i + 2, 1).AddMonths(1).AddDays(-1))),
        Modes.Frequency.JuneAndDecember => [Month(year, 6), Month(year, 12)],
        Modes.Frequency.Semiannual => [new($"1er semestre {year}", new DateOnly(year, 1, 1), new DateOnly(year, 6, 30)), new($"2e semestre {year}", new DateOnly(year, 7, 1), new DateOnly(year, 12, 31))],
        Modes.Frequency.SchoolYearStart => [new CadencePeriod($"rentrée {year}", new DateOnly(year, 9, 1), new DateOnly(year, 10, 31))],
        Modes.Frequency.Yearly => [new CadencePeriod($"année {year}", new DateOnly(year, 1, 1), new DateOnly(year, 12, 31))],
        _ => [],
    };

    /// <summary>The usual frequency of a type (the Cher's mode, the Région's two months): what a form proposes first.</summary>
    public static Modes.Frequency UsualFrequency(MeetingType type) => type switch
    {
        MeetingType.DirectorsPlenary => Modes.Frequency.JuneAndDecember,
        MeetingType.SchoolYearPlenary => Modes.Frequency.SchoolYearStart,
        MeetingType.RegionalCoordinators => Modes.Frequency.EveryTwoMonths,
        _ => Modes.Frequency.Quarterly,
    };

    /// <summary>As <see cref="Check(Modes.Frequency, MeetingType, int, IEnumerable{ValueTuple{DateOnly, bool}}, DateOnly)"/> at the type's usual frequency.</summary>
    public static IReadOnlyList<CadenceCheck> Check(MeetingType type, int year, IEnumerable<(DateOnly Day, bool Held)> meetings, DateOnly today) =>
        Check(UsualFrequency(type), type, year, meetings, today);

    /// <summary>
    /// Every period of the year begun by <paramref name="today"/>, with what the meetings (not cancelled) make of it. A
    /// meeting counts as held once its attendance is recorded; one whose day passed without it proves nothing.
    /// </summary>
    public static IReadOnlyList<CadenceCheck> Check(Modes.Frequency frequency, MeetingType type, int year, IEnumerable<(DateOnly Day, bool Held)> meetings, DateOnly today)
    {
        var list = meetings.ToList();
        return Periods(frequency, year).Where(p => p.Start <= today).Select(p =>
        {
            var inPeriod = list.Where(m => m.Day >= p.Start && m.Day <= p.End).ToList();
            var state = inPeriod.Any(m => m.Held) ? CadenceState.Met
                : inPeriod.Any(m => m.Day >= today) ? CadenceState.Planned
                : p.End < today ? CadenceState.Late
                : CadenceState.Due;
            return new CadenceCheck(type, p, state, inPeriod.Count);
        }).ToList();
    }

    private static IEnumerable<CadencePeriod> Quarters(int year) => Enumerable.Range(0, 4).Select(q =>
        new CadencePeriod($"{q + 1}{(q == 0 ? "er" : "e")} trimestre {year}", new DateOnly(year, 3 * q + 1, 1), new DateOnly(year, 3 * q + 1, 1).AddMonths(3).AddDays(-1)));

    private static CadencePeriod Month(int year, int month) =>
        new($"{MonthNames[month - 1]} {year}", new DateOnly(year, month, 1), new DateOnly(year, month, 1).AddMonths(1).AddDays(-1));

    public static string Label(CadenceState state) => state switch
    {
        CadenceState.Met => "tenue",
        CadenceState.Planned => "prévue",
        CadenceState.Due => "à planifier",
        CadenceState.Late => "en retard",
        _ => state.ToString(),
    };
}

namespace SproHub.Governance.Meetings;

public enum CadenceState { Met, Planned, Due, Late }

public sealed record CadencePeriod(string Label, DateOnly Start, DateOnly End);

/// <param name="State">Met: a meeting was held in the period (its attendance recorded); Planned: one is scheduled in it;
/// Due: the period is under way and nothing is scheduled; Late: the period ended without one held.</param>
public sealed record CadenceCheck(MeetingType Type, CadencePeriod Period, CadenceState State, int Meetings)
{
    public bool Behind => State is CadenceState.Due or CadenceState.Late;
}

/// <summary>How often each type of meeting must take place (the Cher example of the domain), period by period.</summary>
public static class Cadence
{
    public sealed record Rule(MeetingType Type, string Expectation, Func<int, IEnumerable<CadencePeriod>> Periods);

    private static readonly string[] MonthNames = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

    public static readonly IReadOnlyList<Rule> Rules =
    [
        new(MeetingType.LocalCommittee, "au moins une fois par trimestre", Quarters),
        new(MeetingType.DepartmentalCoordination, "4 par an, une par trimestre", Quarters),
        new(MeetingType.DirectorsPlenary, "2 par an, en juin et en décembre", year => [Month(year, 6), Month(year, 12)]),
        new(MeetingType.SchoolYearPlenary, "à la rentrée (septembre ou octobre), elle désigne les coordonnateurs",
            year => [new CadencePeriod($"rentrée {year}", new DateOnly(year, 9, 1), new DateOnly(year, 10, 31))]),
        new(MeetingType.RegionalCoordinators, "tous les deux mois", year => Enumerable.Range(0, 6).Select(i =>
            new CadencePeriod($"{MonthNames[2 * i]}–{MonthNames[2 * i + 1]} {year}", new DateOnly(year, 2 * i + 1, 1), new DateOnly(year, 2 * i + 2, 1).AddMonths(1).AddDays(-1)))),
    ];

    /// <summary>The types a local SPRO must hold itself; the regional coordinators' meeting is the Région's.</summary>
    public static readonly IReadOnlyList<MeetingType> TerritoryTypes =
        [MeetingType.LocalCommittee, MeetingType.DepartmentalCoordination, MeetingType.DirectorsPlenary, MeetingType.SchoolYearPlenary];

    public static Rule RuleOf(MeetingType type) => Rules.Single(r => r.Type == type);

    /// <summary>
    /// Every period of the year begun by <paramref name="today"/>, with what the meetings (not cancelled) make of it. A
    /// meeting counts as held once its attendance is recorded; one whose day passed without it proves nothing.
    /// </summary>
    public static IReadOnlyList<CadenceCheck> Check(MeetingType type, int year, IEnumerable<(DateOnly Day, bool Held)> meetings, DateOnly today)
    {
        var list = meetings.ToList();
        return RuleOf(type).Periods(year).Where(p => p.Start <= today).Select(p =>
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

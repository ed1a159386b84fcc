using SproHub.Governance.Meetings;
using SproHub.Shared.Data;
using SproHub.Shared.Territories;

namespace SproHub.Governance.Modes;

/// <summary>How often a type of meeting is due; each has its periods in <see cref="Cadence"/>.</summary>
public enum Frequency { Quarterly, EveryTwoMonths, JuneAndDecember, Semiannual, SchoolYearStart, Yearly }

/// <summary>Where a meeting type is held: once for the local SPRO, or in each of its basins (a departmental SPRO).</summary>
public enum MeetingLevel { Spro, EachBasin }

/// <summary>
/// A local SPRO's governance mode, recorded by the Région: which meetings it holds, how often, at which level, and who
/// organises each basin's committee. Without a record, <see cref="GovernanceModes.Default"/> applies.
/// </summary>
public sealed class GovernanceMode : IVersioned
{
    public required string TerritoryId { get; set; }
    public List<ModeRule> Rules { get; set; } = [];
    public List<BasinReferent> Referents { get; set; } = [];
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
    public int Version { get; set; }
}

public sealed class ModeRule
{
    public required string TerritoryId { get; set; }
    public MeetingType Type { get; set; }
    public Frequency Frequency { get; set; }
    public MeetingLevel Level { get; set; }
}

/// <summary>The territorial referent of a departmental SPRO's basin: a person of the directory, who organises its local committee.</summary>
public sealed class BasinReferent
{
    public required string TerritoryId { get; set; }
    public required string BasinId { get; set; }
    public Guid PersonId { get; set; }
    /// <summary>As the directory named the person when chosen: the page need not read the directory again.</summary>
    public required string Name { get; set; }
}

public sealed record ModeRuleView(MeetingType Type, string TypeLabel, Frequency Frequency, string Expectation, MeetingLevel Level, string LevelLabel);

public sealed record BasinView(string BasinId, string Name, Guid? ReferentId, string? ReferentName);

/// <param name="Recorded">False while the default mode applies (the Région has recorded none).</param>
/// <param name="Version">The version to send back with a change; 0 while nothing is recorded.</param>
public sealed record GovernanceModeView(string TerritoryId, string TerritoryName, bool Departmental, bool Recorded, IReadOnlyList<ModeRuleView> Rules, IReadOnlyList<BasinView> Basins, int Version)
{
    public ModeRuleView? RuleOf(MeetingType type) => Rules.FirstOrDefault(r => r.Type == type);
}

/// <summary>The modes that apply when the Région has recorded none, and the Région's own cadence.</summary>
public static class GovernanceModes
{
    /// <summary>
    /// The Cher's mode (seed 000, part H) for a departmental SPRO: directors in June and December, four departmental
    /// coordinations a year, a local committee at least each quarter in each basin. A basin SPRO is one local committee,
    /// each quarter. Both hold the school-year plenary that designates their coordinators (seed 001).
    /// </summary>
    public static IReadOnlyList<(MeetingType Type, Frequency Frequency, MeetingLevel Level)> Default(bool departmental) => departmental
        ? [(MeetingType.DirectorsPlenary, Frequency.JuneAndDecember, MeetingLevel.Spro), (MeetingType.DepartmentalCoordination, Frequency.Quarterly, MeetingLevel.Spro),
            (MeetingType.LocalCommittee, Frequency.Quarterly, MeetingLevel.EachBasin), (MeetingType.SchoolYearPlenary, Frequency.SchoolYearStart, MeetingLevel.Spro)]
        : [(MeetingType.LocalCommittee, Frequency.Quarterly, MeetingLevel.Spro), (MeetingType.SchoolYearPlenary, Frequency.SchoolYearStart, MeetingLevel.Spro)];

    /// <summary>The Région meets the coordinators every two months (seeds 001, 004); it holds no other meeting.</summary>
    public static readonly IReadOnlyList<(MeetingType Type, Frequency Frequency, MeetingLevel Level)> Region =
        [(MeetingType.RegionalCoordinators, Frequency.EveryTwoMonths, MeetingLevel.Spro)];

    /// <summary>The types a local SPRO's mode may hold; the regional coordinators' meeting is the Région's.</summary>
    public static readonly IReadOnlyList<MeetingType> LocalTypes =
        [MeetingType.LocalCommittee, MeetingType.DepartmentalCoordination, MeetingType.DirectorsPlenary, MeetingType.SchoolYearPlenary];

    public static string Label(MeetingLevel level) => level switch
    {
        MeetingLevel.EachBasin => "dans chaque bassin",
        _ => "au niveau du SPRO local",
    };

    public static bool IsRegion(TerritoryInfo territory) => territory.Kind == TerritoryKind.Region;

    /// <summary>The mode in force: the recorded one, else the default for the SPRO's organisation (it has basins or not).</summary>
    public static GovernanceModeView Of(TerritoryInfo territory, IReadOnlyList<TerritoryInfo> basins, GovernanceMode? recorded)
    {
        var rules = IsRegion(territory) ? Region
            : recorded is null ? Default(basins.Count > 0)
            : recorded.Rules.OrderBy(r => LocalTypes.ToList().IndexOf(r.Type)).Select(r => (r.Type, r.Frequency, r.Level)).ToList();
        var referents = (recorded?.Referents ?? []).ToDictionary(r => r.BasinId);
        return new GovernanceModeView(territory.Slug, territory.Name, basins.Count > 0, recorded is not null,
            rules.Select(r => new ModeRuleView(r.Type, MeetingLabels.Of(r.Type), r.Frequency, Cadence.Expectation(r.Frequency), r.Level, Label(r.Level))).ToList(),
            basins.Select(b => new BasinView(b.Slug, b.Name, referents.GetValueOrDefault(b.Slug)?.PersonId, referents.GetValueOrDefault(b.Slug)?.Name)).ToList(),
            recorded?.Version ?? 0);
    }

    /// <summary>The basins of a local SPRO (none for a basin SPRO or the Région).</summary>
    public static IReadOnlyList<TerritoryInfo> BasinsOf(string slug, IEnumerable<TerritoryInfo> all) =>
        all.Where(t => t.Kind == TerritoryKind.Basin && t.ParentSlug == slug).ToList();
}

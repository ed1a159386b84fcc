using SproHub.Governance.Meetings;
using SproHub.Governance.Modes;
using SproHub.Shared.Territories;
using Xunit;

namespace Governance.Tests;

/// <summary>Each territory is judged on its own governance mode: the Cher's for a departmental SPRO, a quarterly committee for a basin SPRO.</summary>
public sealed class GovernanceModeTests
{
    private static readonly DateOnly MidAugust = new(2026, 8, 14);
    private static readonly TerritoryInfo Cher = new("cher", "SPRO du Cher", TerritoryKind.LocalSpro, "18", "departement-18");
    private static readonly TerritoryInfo Pithiviers = new("pithiviers", "SPRO de Pithiviers", TerritoryKind.LocalSpro, "45", "departement-45");
    private static readonly TerritoryInfo Region = new("region", "Région Centre-Val de Loire", TerritoryKind.Region, null, null);
    private static readonly TerritoryInfo[] CherBasins =
        new[] { "bourges", "vierzon", "saint-amand-montrond", "aubigny-sur-nere" }.Select(b => new TerritoryInfo($"cher-{b}", $"Bassin de {b}", TerritoryKind.Basin, "18", "cher")).ToArray();

    [Fact]
    public void A_departmental_SPRO_holds_the_Chers_mode_by_default_with_its_committees_in_each_basin()
    {
        var mode = GovernanceModes.Of(Cher, CherBasins, recorded: null);
        Assert.False(mode.Recorded);
        Assert.Equal((Frequency.JuneAndDecember, MeetingLevel.Spro), (mode.RuleOf(MeetingType.DirectorsPlenary)!.Frequency, mode.RuleOf(MeetingType.DirectorsPlenary)!.Level));
        Assert.Equal(Frequency.Quarterly, mode.RuleOf(MeetingType.DepartmentalCoordination)!.Frequency);
        Assert.Equal(MeetingLevel.EachBasin, mode.RuleOf(MeetingType.LocalCommittee)!.Level);
        Assert.Null(mode.RuleOf(MeetingType.RegionalCoordinators));

        // Bourges held its committees; the other basins did not: each basin is judged on its own.
        var lines = ModeCadence.Lines(mode, 2026, [(MeetingType.LocalCommittee, "cher-bourges", new DateOnly(2026, 2, 3), true), (MeetingType.LocalCommittee, "cher-bourges", new DateOnly(2026, 5, 3), true)], MidAugust);
        var committees = lines.Where(l => l.Type == MeetingType.LocalCommittee).ToList();
        Assert.Equal(4 * 3, committees.Count); // 4 basins, 3 quarters begun by mid-August
        Assert.All(committees.Where(l => l.BasinId == "cher-bourges").Take(2), l => Assert.Equal(CadenceState.Met, l.State));
        Assert.All(committees.Where(l => l.BasinId == "cher-vierzon").Take(2), l => Assert.Equal(CadenceState.Late, l.State));
        Assert.Equal("Comité local de coordination — Bassin de vierzon", committees.First(l => l.BasinId == "cher-vierzon").Title);
        // A committee without a basin proves nothing for any basin.
        var unplaced = ModeCadence.Lines(mode, 2026, [(MeetingType.LocalCommittee, null, new DateOnly(2026, 2, 3), true)], MidAugust);
        Assert.DoesNotContain(unplaced, l => l.Type == MeetingType.LocalCommittee && l.State == CadenceState.Met);
    }

    [Fact]
    public void A_basin_SPRO_is_held_to_its_quarterly_committee_not_to_departmental_meetings()
    {
        var mode = GovernanceModes.Of(Pithiviers, [], recorded: null);
        Assert.False(mode.Departmental);
        Assert.Equal([MeetingType.LocalCommittee, MeetingType.SchoolYearPlenary], mode.Rules.Select(r => r.Type));
        var lines = ModeCadence.Lines(mode, 2026, [], new DateOnly(2026, 12, 31));
        Assert.DoesNotContain(lines, l => l.Type is MeetingType.DepartmentalCoordination or MeetingType.DirectorsPlenary);
        Assert.Equal(4, lines.Count(l => l.Type == MeetingType.LocalCommittee && l.BasinId is null));
    }

    [Fact]
    public void A_recorded_mode_replaces_the_default_and_names_each_basins_referent()
    {
        var recorded = new GovernanceMode { TerritoryId = "cher", Version = 3 };
        recorded.Rules.Add(new ModeRule { TerritoryId = "cher", Type = MeetingType.LocalCommittee, Frequency = Frequency.Semiannual, Level = MeetingLevel.EachBasin });
        recorded.Referents.Add(new BasinReferent { TerritoryId = "cher", BasinId = "cher-vierzon", PersonId = Guid.NewGuid(), Name = "Référente de Vierzon" });
        var mode = GovernanceModes.Of(Cher, CherBasins, recorded);
        Assert.Equal((true, 3), (mode.Recorded, mode.Version));
        Assert.Equal("une par semestre", Assert.Single(mode.Rules).Expectation);
        Assert.Equal("Référente de Vierzon", mode.Basins.Single(b => b.BasinId == "cher-vierzon").ReferentName);
        Assert.Null(mode.Basins.Single(b => b.BasinId == "cher-bourges").ReferentName);
        var late = ModeCadence.Lines(mode, 2026, [], new DateOnly(2026, 8, 1)).First(l => l.BasinId == "cher-vierzon");
        Assert.Equal(("1er semestre 2026", CadenceState.Late, "Référente de Vierzon"), (late.Period, late.State, late.Referent));
    }

    [Fact]
    public void The_Région_is_held_to_its_meeting_of_the_coordinators_every_two_months_only()
    {
        var mode = GovernanceModes.Of(Region, [], recorded: null);
        var rule = Assert.Single(mode.Rules);
        Assert.Equal((MeetingType.RegionalCoordinators, Frequency.EveryTwoMonths), (rule.Type, rule.Frequency));
        var lines = ModeCadence.Lines(mode, 2026, [(MeetingType.RegionalCoordinators, null, new DateOnly(2026, 1, 20), true)], MidAugust);
        Assert.Equal([CadenceState.Met, CadenceState.Late, CadenceState.Late, CadenceState.Due], lines.Select(l => l.State));
    }

    [Fact]
    public void Every_frequency_has_its_periods_and_its_words()
    {
        Assert.All(Enum.GetValues<Frequency>(), f =>
        {
            Assert.NotEmpty(Cadence.Periods(f, 2026));
            Assert.DoesNotContain(f.ToString(), Cadence.Expectation(f));
        });
        Assert.Equal(["1er semestre 2026", "2e semestre 2026"], Cadence.Periods(Frequency.Semiannual, 2026).Select(p => p.Label));
    }
}

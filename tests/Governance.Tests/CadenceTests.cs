using SproHub.Governance.Meetings;
using Xunit;

namespace Governance.Tests;

/// <summary>How often each type of meeting must be held, period by period.</summary>
public sealed class CadenceTests
{
    private static readonly DateOnly MidAugust = new(2026, 8, 14);

    private static (DateOnly, bool) Held(int y, int m, int d) => (new DateOnly(y, m, d), true);
    private static (DateOnly, bool) Planned(int y, int m, int d) => (new DateOnly(y, m, d), false);

    [Fact]
    public void A_past_meeting_whose_attendance_was_never_recorded_does_not_count_as_held()
    {
        var checks = Cadence.Check(MeetingType.LocalCommittee, 2026, [Planned(2026, 2, 10)], MidAugust);
        Assert.Equal(CadenceState.Late, checks[0].State);
    }

    [Fact]
    public void A_local_committee_is_due_every_quarter_and_a_quarter_without_one_is_late()
    {
        var checks = Cadence.Check(MeetingType.LocalCommittee, 2026, [Held(2026, 2, 10), Planned(2026, 9, 15)], MidAugust);
        Assert.Equal([CadenceState.Met, CadenceState.Late, CadenceState.Planned], checks.Select(c => c.State));
        Assert.Equal("2e trimestre 2026", checks[1].Period.Label);
        Assert.True(checks[1].Behind);
        Assert.False(checks[2].Behind);
    }

    [Fact]
    public void The_quarter_under_way_is_due_until_a_meeting_is_scheduled_in_it()
    {
        var none = Cadence.Check(MeetingType.LocalCommittee, 2026, [Held(2026, 1, 5), Held(2026, 4, 5)], MidAugust);
        Assert.Equal(CadenceState.Due, none[^1].State);
        var later = Cadence.Check(MeetingType.LocalCommittee, 2026, [Held(2026, 1, 5), Held(2026, 4, 5), Planned(2026, 10, 1)], MidAugust);
        Assert.Equal(CadenceState.Due, later[^1].State); // October is the next quarter: this one still lacks its committee
    }

    [Fact]
    public void Directors_meet_in_June_and_December()
    {
        var checks = Cadence.Check(MeetingType.DirectorsPlenary, 2026, [Held(2026, 5, 28)], new DateOnly(2026, 12, 31));
        Assert.Equal(["juin 2026", "décembre 2026"], checks.Select(c => c.Period.Label));
        Assert.Equal([CadenceState.Late, CadenceState.Due], checks.Select(c => c.State)); // a plenary in May is not June's
    }

    [Fact]
    public void The_school_year_plenary_falls_in_September_or_October_and_regional_coordinators_every_two_months()
    {
        Assert.Empty(Cadence.Check(MeetingType.SchoolYearPlenary, 2026, [], MidAugust));
        Assert.Equal(CadenceState.Met, Cadence.Check(MeetingType.SchoolYearPlenary, 2026, [Held(2026, 10, 2)], new DateOnly(2026, 11, 1)).Single().State);
        var regional = Cadence.Check(MeetingType.RegionalCoordinators, 2026, [Held(2026, 1, 20), Held(2026, 4, 2), Held(2026, 7, 7)], MidAugust);
        Assert.Equal([CadenceState.Met, CadenceState.Met, CadenceState.Late, CadenceState.Met], regional.Select(c => c.State));
        Assert.Equal("mai–juin 2026", regional[2].Period.Label);
    }

    [Fact]
    public void Only_periods_begun_are_judged()
    {
        Assert.Single(Cadence.Check(MeetingType.LocalCommittee, 2026, [], new DateOnly(2026, 2, 1)));
        Assert.Empty(Cadence.Check(MeetingType.LocalCommittee, 2027, [], MidAugust));
    }
}

/// <summary>Indicator 2: participating structures over invited structures.</summary>
public sealed class AttendanceRateTests
{
    [Fact]
    public void A_structure_participates_when_one_of_its_people_signed_or_it_was_marked_present()
    {
        var meeting = new Meeting { TerritoryId = "cher", Subject = "Comité" };
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid();
        meeting.Structures.AddRange([S(a), S(b), S(c, participated: true)]);
        meeting.Invitees.Add(new Invitee { StructureId = a, Name = "Agent A1", Email = "a1@exemple.fr", Present = true });
        meeting.Invitees.Add(new Invitee { StructureId = a, Name = "Agent A2", Email = "a2@exemple.fr", Present = true });
        meeting.Invitees.Add(new Invitee { StructureId = b, Name = "Agent B1", Email = "b1@exemple.fr" });
        var rate = meeting.Attendance();
        Assert.Equal((3, 2), (rate.Invited, rate.Participating));
        Assert.Equal(66.7m, rate.Percent);
    }

    [Fact]
    public void Nobody_invited_has_no_rate() => Assert.Null(new AttendanceRate(0, 0).Percent);

    private static InvitedStructure S(Guid id, bool participated = false) => new() { StructureId = id, Name = id.ToString(), Type = "CIO", Participated = participated };
}

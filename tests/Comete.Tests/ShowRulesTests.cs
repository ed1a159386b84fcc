using SproHub.Plugins.Comete.Series;
using SproHub.Plugins.Comete.Shows;
using SproHub.Shared.Errors;
using Xunit;

namespace Comete.Tests;

/// <summary>COMETE's rules on the domain alone, without a database.</summary>
public sealed class ShowRulesTests
{
    private static Show NewShow() => new() { TerritoryId = "loir-et-cher", Sector = "Industrie", Date = new DateOnly(2027, 1, 12), StartTime = new(9, 0), EndTime = new(10, 0) };
    private static Guest G(GuestRole role, string name = "Invité") => new() { Name = name, Role = role };

    [Theory]
    [InlineData("2027-01-11", true)]  // Monday
    [InlineData("2027-01-15", true)]  // Friday
    [InlineData("2027-01-16", false)] // Saturday
    [InlineData("2027-01-17", false)] // Sunday
    public void A_show_is_on_a_weekday(string date, bool allowed) => Assert.Equal(allowed, ShowSeries.IsWeekday(DateOnly.Parse(date)));

    [Theory]
    [InlineData("09:00", "10:00", true)]
    [InlineData("09:15", "09:45", true)]
    [InlineData("08:30", "09:30", false)]
    [InlineData("09:30", "10:30", false)]
    [InlineData("09:30", "09:30", false)]
    public void A_show_fits_its_series_slot(string start, string end, bool fits)
    {
        var series = new ShowSeries { TerritoryId = "loir-et-cher", Name = "COMETE", Station = "Radio" };
        Assert.Equal(new TimeOnly(9, 0), series.SlotStart);
        Assert.Equal(fits, series.FitsSlot(TimeOnly.Parse(start), TimeOnly.Parse(end)));
    }

    [Fact]
    public void Shows_of_one_station_overlap_when_their_times_cross_on_the_same_day()
    {
        var show = NewShow();
        Assert.True(show.Overlaps(show.Date, new(9, 30), new(10, 30)));
        Assert.False(show.Overlaps(show.Date, new(10, 0), new(11, 0)));
        Assert.False(show.Overlaps(show.Date.AddDays(1), new(9, 0), new(10, 0)));
        show.Cancel();
        Assert.False(show.Overlaps(show.Date, new(9, 0), new(10, 0)));
    }

    private static void Complete(Show show)
    {
        foreach (var role in new[] { GuestRole.Coordinator, GuestRole.Employer, GuestRole.Employee, GuestRole.ProfessionalBranch }) show.AddGuest(G(role));
        show.SetRunningOrder([new Segment { Kind = SegmentKind.KeyFigures, Title = "Chiffres", Minutes = 10 }, new Segment { Kind = SegmentKind.Testimony, Title = "Témoignages", Minutes = 40 }]);
    }

    [Fact]
    public void Confirming_needs_what_the_seeds_shows_had_coordinator_employer_employee_branch_and_a_running_order()
    {
        var show = NewShow();
        void Refused(string field, string rule)
        {
            var refused = Assert.Throws<RuleViolationException>(show.Confirm);
            Assert.Equal((field, rule), (refused.Field, refused.Rule));
            Assert.Equal(ShowState.Planned, show.State);
        }
        Refused("guests", "coordonnateur");
        show.AddGuest(G(GuestRole.Coordinator));
        show.AddGuest(G(GuestRole.Employer));
        Refused("guests", "employeur-et-salarie");
        show.AddGuest(G(GuestRole.Employee));
        Refused("guests", "branche-professionnelle");
        show.AddGuest(G(GuestRole.ProfessionalBranch));
        Refused("runningOrder", "chiffres-cles-et-temoignages");
        show.SetRunningOrder([new Segment { Kind = SegmentKind.Testimony, Title = "Témoignages", Minutes = 40 }]);
        Refused("runningOrder", "chiffres-cles-et-temoignages");
        show.SetRunningOrder([new Segment { Kind = SegmentKind.KeyFigures, Title = "Chiffres", Minutes = 30 }, new Segment { Kind = SegmentKind.Testimony, Title = "Témoignages", Minutes = 20 }, new Segment { Kind = SegmentKind.Other, Title = "Formations", Minutes = 10 }]);
        Refused("runningOrder", "temoignages-essentiel");
        show.SetRunningOrder([new Segment { Kind = SegmentKind.KeyFigures, Title = "Chiffres", Minutes = 10 }, new Segment { Kind = SegmentKind.Testimony, Title = "Témoignages", Minutes = 40 }, new Segment { Kind = SegmentKind.Other, Title = "Formations", Minutes = 10 }]);
        show.Confirm();
        Assert.Equal(ShowState.Confirmed, show.State);
        // Once confirmed, the running order keeps what it was confirmed with.
        var emptied = Assert.Throws<RuleViolationException>(() => show.SetRunningOrder([new Segment { Kind = SegmentKind.Other, Title = "Musique", Minutes = 60 }]));
        Assert.Equal("chiffres-cles-et-temoignages", emptied.Rule);
        Assert.Equal(3, show.RunningOrder.Count);
    }

    [Fact]
    public void The_branch_and_the_coordinator_come_on_top_of_at_most_three_professionals()
    {
        var show = NewShow();
        show.AddGuest(G(GuestRole.Coordinator));
        show.AddGuest(G(GuestRole.Employer));
        show.AddGuest(G(GuestRole.Employer, "Deuxième employeur"));
        show.AddGuest(G(GuestRole.Employee));
        show.AddGuest(G(GuestRole.ProfessionalBranch));
        Assert.Equal(3, show.ProfessionalCount);
        var refused = Assert.Throws<RuleViolationException>(() => show.AddGuest(G(GuestRole.Employee)));
        Assert.Equal("professionnels-max", refused.Rule);
        var secondBranch = Assert.Throws<RuleViolationException>(() => show.AddGuest(G(GuestRole.ProfessionalBranch, "Autre branche")));
        Assert.Equal("branche-unique", secondBranch.Rule);
        Assert.Equal(5, show.Guests.Count);
        show.SetRunningOrder([new Segment { Kind = SegmentKind.KeyFigures, Title = "Chiffres", Minutes = 10 }, new Segment { Kind = SegmentKind.Testimony, Title = "Témoignages", Minutes = 40 }]);
        show.Confirm();
        Assert.Equal(ShowState.Confirmed, show.State);
    }

    [Fact]
    public void States_move_planned_confirmed_broadcast_and_a_broadcast_show_cannot_move()
    {
        var show = NewShow();
        Assert.Throws<ConflictException>(show.MarkBroadcast);
        Complete(show);
        show.Confirm();
        show.MarkBroadcast();
        Assert.Equal(ShowState.Broadcast, show.State);
        var refused = Assert.Throws<ConflictException>(() => show.Reschedule(show.Date.AddDays(1), new(9, 0), new(10, 0)));
        Assert.Equal("emission-diffusee", refused.Rule);
        Assert.Throws<ConflictException>(show.Cancel);
    }

    [Fact]
    public void A_cancelled_show_keeps_its_history_and_no_longer_changes()
    {
        var show = NewShow();
        show.Record("Émission programmée", "coordonnatrice", DateTimeOffset.UtcNow);
        show.Cancel();
        show.Record("Émission annulée", "coordonnatrice", DateTimeOffset.UtcNow);
        Assert.Equal(ShowState.Cancelled, show.State);
        Assert.Equal(2, show.History.Count);
        Assert.Throws<ConflictException>(() => show.AddGuest(G(GuestRole.Employer)));
        Assert.Throws<ConflictException>(() => show.Reschedule(show.Date, new(9, 0), new(10, 0)));
        Assert.Throws<ConflictException>(show.Confirm);
    }

    [Fact]
    public void The_running_order_puts_key_figures_before_testimonies()
    {
        var show = NewShow();
        var refused = Assert.Throws<RuleViolationException>(() => show.SetRunningOrder(
        [
            new Segment { Kind = SegmentKind.Testimony, Title = "Témoignage", Minutes = 20 },
            new Segment { Kind = SegmentKind.KeyFigures, Title = "Chiffres", Minutes = 10 },
        ]));
        Assert.Equal("chiffres-cles-d-abord", refused.Rule);
        Assert.Equal("segments[1].kind", refused.Field);
        Assert.Empty(show.RunningOrder);

        show.SetRunningOrder(
        [
            new Segment { Kind = SegmentKind.KeyFigures, Title = "Chiffres", Minutes = 10 },
            new Segment { Kind = SegmentKind.Testimony, Title = "Employeur", Minutes = 20 },
            new Segment { Kind = SegmentKind.Other, Title = "Conclusion", Minutes = 5 },
        ]);
        Assert.Equal([0, 1, 2], show.RunningOrder.Select(s => s.Position));
    }
}

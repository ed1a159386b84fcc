using SproHub.Plugins.CelluleHandicap.Partners;
using SproHub.Plugins.CelluleHandicap.Privacy;
using SproHub.Plugins.CelluleHandicap.Sessions;
using SproHub.Plugins.CelluleHandicap.Situations;
using SproHub.Shared.Errors;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace CelluleHandicap.Tests;

/// <summary>The cell's rules, without a host.</summary>
public sealed class RuleTests
{
    private static readonly DateOnly Today = new(2026, 11, 23); // a Monday

    private static Partner Venue(string name, DayOfWeek day, UnavailablePart part, int? turn = null, PartnerKind kind = PartnerKind.Mdph)
    {
        var p = Partner.Create("cher", name, kind, true, turn);
        p.Unavailable(day, part);
        return p;
    }

    [Theory]
    [InlineData("MDPH du Cher", "à la MDPH du Cher")]
    [InlineData("Mission Locale de Bourges", "à la Mission Locale de Bourges")]
    [InlineData("CIO de Bourges", "au CIO de Bourges")]
    [InlineData("Agefiph Centre-Val de Loire", "à l'Agefiph Centre-Val de Loire")]
    [InlineData("Cap emploi du Cher", "chez Cap emploi du Cher")]
    [InlineData("France Travail de Vierzon", "chez France Travail de Vierzon")]
    public void A_concertation_takes_place_with_the_article_its_venue_calls_for(string venue, string expected) =>
        Assert.Equal(expected, PartnerNames.At(venue));

    [Theory]
    [InlineData(DayOfWeek.Wednesday, UnavailablePart.JourneeEntiere, "2026-11-25", HalfDay.Matin, "le mercredi")]
    [InlineData(DayOfWeek.Thursday, UnavailablePart.Matin, "2026-11-26", HalfDay.Matin, "le jeudi matin")]
    [InlineData(DayOfWeek.Tuesday, UnavailablePart.ApresMidi, "2026-11-24", HalfDay.ApresMidi, "le mardi après-midi")]
    public void A_venue_s_unavailability_names_the_rule(DayOfWeek day, UnavailablePart part, string date, HalfDay half, string said) =>
        Assert.EndsWith($"ne reçoit pas {said}.", Venue("Lieu", day, part).ConflictOn(DateOnly.Parse(date), half));

    [Fact]
    public void Half_days_outside_the_rule_are_free_and_the_offered_slots_skip_weekends_rules_and_taken_ones()
    {
        var cio = Venue("CIO", DayOfWeek.Thursday, UnavailablePart.Matin, 1, PartnerKind.Cio);
        Assert.Null(cio.ConflictOn(new DateOnly(2026, 11, 26), HalfDay.ApresMidi));
        var taken = Session.Schedule("cher", SessionKind.Concertation, new DateOnly(2026, 11, 24), HalfDay.Matin, cio, cio, [], Today);
        var slots = Session.CompatibleSlots(cio, Today, 7, [taken]).ToList();
        Assert.Equal(8, slots.Count); // 5 days × 2, minus Thursday morning and the taken Tuesday morning
        Assert.DoesNotContain(slots, s => s.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    [Fact]
    public void Four_concertations_and_one_steering_committee_a_year()
    {
        var ml = Partner.Create("cher", "ML", PartnerKind.MissionLocale, true, 1);
        var year = new List<Session>();
        for (var week = 1; week <= 4; week++) year.Add(Session.Schedule("cher", SessionKind.Concertation, Today.AddDays(7 * week), HalfDay.Matin, ml, ml, year, Today));
        Assert.Equal("quatre-concertations-par-an", Assert.Throws<RuleViolationException>(() => Session.Schedule("cher", SessionKind.Concertation, Today.AddDays(35), HalfDay.Matin, ml, ml, year, Today)).Rule);
        year.Add(Session.Schedule("cher", SessionKind.ComitePilotage, Today.AddDays(36), HalfDay.Matin, ml, ml, year, Today));
        Assert.Equal("un-comite-par-an", Assert.Throws<RuleViolationException>(() => Session.Schedule("cher", SessionKind.ComitePilotage, Today.AddDays(37), HalfDay.Matin, ml, ml, year, Today)).Rule);
    }

    [Fact]
    public void The_secretariat_rotates_among_Missions_Locales_and_CIO_only()
    {
        var a = Partner.Create("cher", "A", PartnerKind.MissionLocale, true, 1);
        var b = Partner.Create("cher", "B", PartnerKind.Cio, true, 2);
        var mdph = Partner.Create("cher", "MDPH", PartnerKind.Mdph, true, null);
        Assert.Same(a, Session.NextSecretariat([mdph, b, a], null));
        var first = Session.Schedule("cher", SessionKind.Concertation, Today.AddDays(1), HalfDay.Matin, a, a, [], Today);
        Assert.Same(b, Session.NextSecretariat([mdph, b, a], first));
        var second = Session.Schedule("cher", SessionKind.Concertation, Today.AddDays(2), HalfDay.Matin, b, b, [first], Today);
        Assert.Same(a, Session.NextSecretariat([mdph, b, a], second));
        Assert.Equal("secretariat-ml-cio", Assert.Throws<RuleViolationException>(() => Partner.Create("cher", "X", PartnerKind.Agefiph, true, 3)).Rule);
        Assert.Equal("secretariat-ml-cio", Assert.Throws<RuleViolationException>(() => Session.Schedule("cher", SessionKind.Concertation, Today.AddDays(3), HalfDay.Matin, a, mdph, [], Today)).Rule);
    }

    private static Situation Submit(DateOnly birth, DateOnly consent, bool young = true, bool guardian = false, string? guardianName = null,
        ConsentPurposes purposes = Situation.RequiredPurposes) =>
        Situation.Submit("cher", "CHJ-2026-001", "p@cher.demo", "P", null, new Identity("A", "B", birth, null, guardianName, guardianName is null ? null : "père"),
            new DiagnosticSheet("s", "p", null, "n", "q"), Recognition.NeSaitPas, consent, purposes, young, guardian, DateTimeOffset.UnixEpoch, Today, (_, _, _) => ("x", "y"));

    [Fact]
    public void The_age_is_the_one_on_the_consent_s_date_and_a_minor_needs_a_named_parent_s_consent()
    {
        var birth = new DateOnly(2008, 11, 1); // 18 on 1 November 2026
        Assert.Equal("accord-parental", Assert.Throws<RuleViolationException>(() => Submit(birth, new DateOnly(2026, 10, 20))).Rule);
        Assert.Equal("accord-parental", Assert.Throws<RuleViolationException>(() => Submit(birth, new DateOnly(2026, 10, 20), guardian: true)).Rule); // unnamed
        var minor = Submit(birth, new DateOnly(2026, 10, 20), guardian: true, guardianName: "Parent");
        Assert.True(minor.IsMinorAtConsent);
        Assert.False(Submit(birth, new DateOnly(2026, 11, 2)).IsMinorAtConsent);
        Assert.Equal("age-16-30", Assert.Throws<RuleViolationException>(() => Submit(new DateOnly(1990, 1, 1), Today)).Rule);
        Assert.Equal("consentement-jeune", Assert.Throws<RuleViolationException>(() => Submit(new DateOnly(2000, 1, 1), Today, young: false)).Rule);
        Assert.Equal("finalites-consentement", Assert.Throws<RuleViolationException>(() => Submit(new DateOnly(2000, 1, 1), Today, purposes: ConsentPurposes.ExamenEnCellule)).Rule);
    }

    [Fact]
    public void Withdrawal_erases_what_identifies_and_keeps_what_counts()
    {
        var s = Submit(new DateOnly(2000, 1, 1), Today.AddDays(-10));
        s.MarkExamined(Today.AddDays(-2));
        s.WithdrawConsent(Today, Today, DateTimeOffset.UnixEpoch);
        Assert.Null(s.SealedIdentity);
        Assert.Null(s.SealedSheet);
        Assert.False(s.HasValidConsent);
        Assert.Equal(Today.AddDays(-2), s.FirstExaminedOn);
        Assert.Equal(SituationState.ConsentementRetire, s.State);
        Assert.Throws<ConflictException>(() => s.MarkExamined(Today));
    }

    [Fact]
    public void Sealed_values_open_only_with_their_key_and_for_their_own_row()
    {
        var folder = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"));
        var sealer = new SensitiveData(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataPath"] = folder }).Build());
        var owner = Guid.NewGuid();
        var sealedValue = sealer.Seal(new TextBox("Camille Exemple"), owner);
        Assert.DoesNotContain("Camille", sealedValue);
        Assert.Equal("Camille Exemple", sealer.Open<TextBox>(sealedValue, owner)!.Text);
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => sealer.Open<TextBox>(sealedValue, Guid.NewGuid()));
        Assert.True(File.Exists(Path.Combine(folder, "keys", "cellule-handicap.key")));
        var again = new SensitiveData(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataPath"] = folder }).Build());
        Assert.Equal("Camille Exemple", again.Open<TextBox>(sealedValue, owner)!.Text);
        var other = new SensitiveData(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["CelluleHandicap:EncryptionKey"] = Convert.ToBase64String(new byte[32]) }).Build());
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => other.Open<TextBox>(sealedValue, owner));
        Directory.Delete(folder, true);
    }

    [Theory]
    [InlineData(0, "< 5")]
    [InlineData(4, "< 5")]
    [InlineData(5, "5")]
    [InlineData(20, "20")]
    public void Counts_of_people_under_five_are_masked(int count, string shown) => Assert.Equal(shown, SproHub.Plugins.CelluleHandicap.Reporting.CellReport.People(count));
}

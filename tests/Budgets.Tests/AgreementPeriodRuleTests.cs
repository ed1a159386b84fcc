using SproHub.Budgets.Envelopes;
using SproHub.Budgets.Requests;
using SproHub.Shared.Errors;
using Xunit;

namespace Budgets.Tests;

/// <summary>School years until 2015-2016, civil years from 2017, 2016 in between; never two agreements on one day; each
/// rule judged by the year it governs (ADR 0009).</summary>
public sealed class AgreementPeriodRuleTests
{
    private static FinancialAgreement Agreement(int year, DateOnly? endsOn = null)
    {
        var (start, end) = FinancialAgreement.PeriodOf(year);
        return new FinancialAgreement { TerritoryId = "cher", Year = year, CarrierName = "Mission Locale Cher-Sud", CarrierCoordinates = true, StartsOn = start, EndsOn = endsOn ?? end };
    }

    [Fact]
    public void No_year_s_period_overlaps_the_next_and_2016_is_the_transition_from_September_to_December()
    {
        Assert.Equal((new DateOnly(2016, 9, 1), new DateOnly(2016, 12, 31)), FinancialAgreement.PeriodOf(2016));
        Assert.Equal(("2015-2016", "2016 (transition)", "2017"), (FinancialAgreement.YearLabel(2015), FinancialAgreement.YearLabel(2016), FinancialAgreement.YearLabel(2017)));
        for (var year = 2010; year < 2030; year++)
            Assert.Equal(FinancialAgreement.PeriodOf(year).End.AddDays(1), FinancialAgreement.PeriodOf(year + 1).Start);
    }

    [Fact]
    public void The_2015_2016_agreement_extended_to_December_and_a_transition_agreement_exclude_each_other()
    {
        var extended = Agreement(2015, new DateOnly(2016, 12, 31));
        var (start, end) = FinancialAgreement.PeriodOf(2016);
        var refused = Assert.Throws<RuleViolationException>(() => SubsidyRules.CheckNoOverlap(2016, start, end, [extended], "year"));
        Assert.Equal(("year", "chevauchement"), (refused.Field, refused.Rule));
        Assert.Contains("2015-2016", refused.Message);
        Assert.Contains("prolongée par avenant", refused.Message);

        // Not extended, 2015-2016 leaves room for the transition, which leaves room for 2017.
        SubsidyRules.CheckNoOverlap(2016, start, end, [Agreement(2015)], "year");
        var (civilStart, civilEnd) = FinancialAgreement.PeriodOf(2017);
        SubsidyRules.CheckNoOverlap(2017, civilStart, civilEnd, [Agreement(2015), Agreement(2016)], "year");
        // An extension never reaches into the next agreement.
        var into2017 = Assert.Throws<RuleViolationException>(() => SubsidyRules.CheckNoOverlap(2015, extended.StartsOn, new DateOnly(2017, 3, 31), [Agreement(2017)], "newEndsOn"));
        Assert.Equal(("newEndsOn", "chevauchement"), (into2017.Field, into2017.Rule));
        Assert.Contains("année civile", into2017.Message);
    }

    [Fact]
    public void The_30_percent_coordination_cap_governs_from_2017_and_before_it_there_was_no_coordination_subsidy()
    {
        Assert.DoesNotContain(FundingRules.Coordination30, FundingRules.For(2015));
        Assert.Contains(FundingRules.NoCoordinationSubsidy, FundingRules.For(2015));
        Assert.Contains(FundingRules.Coordination30, FundingRules.For(2017));
        Assert.DoesNotContain(FundingRules.Advance50, FundingRules.For(2016));
        Assert.Contains(FundingRules.Transition, FundingRules.For(2016));

        // A 2015 request is not judged by the 2017 rule: operating costs are a project line, a coordination line is refused.
        SubsidyRules.CheckCoordination(Agreement(2015), 15_000m, 0m);
        var refused = Assert.Throws<RuleViolationException>(() => SubsidyRules.CheckCoordination(Agreement(2015), 9_000m, 3_850m));
        Assert.Equal(("lines", "coordination-avant-2017"), (refused.Field, refused.Rule));
        Assert.Equal(0m, SubsidyRules.MaxCoordination(Agreement(2015), 9_000m));
        Assert.Equal(4_500m, SubsidyRules.MaxCoordination(Agreement(2017), 10_500m));
        Assert.Equal("coordination-30", Assert.Throws<RuleViolationException>(() => SubsidyRules.CheckCoordination(Agreement(2017), 10_500m, 4_500.01m)).Rule);
    }

    [Fact]
    public void A_second_envelope_for_the_same_recipient_and_days_needs_a_confirmation_that_is_shown_the_total()
    {
        var first = new Envelope
        {
            TerritoryId = "departement-18", TerritoryName = "Cher", DepartmentCode = "18", Purpose = "Projets et fonctionnement", Amount = 15_000m,
            StartsOn = new DateOnly(2015, 9, 1), EndsOn = new DateOnly(2016, 8, 31), CarrierName = "Mission Locale Cher-Sud", RecordedBy = "test",
        };
        Envelope.CheckSecond("Cher", 15_000m, [], confirmed: false);
        var refused = Assert.Throws<RuleViolationException>(() => Envelope.CheckSecond("Cher", 15_000m, [first], confirmed: false));
        Assert.Equal(("confirmSecond", "seconde-enveloppe"), (refused.Field, refused.Rule));
        var said = refused.Message.Replace('\u202f', ' ').Replace('\u00a0', ' ');
        Assert.Contains("15 000,00 € du 01/09/2015 au 31/08/2016", said);
        Assert.Contains("le total serait de 30 000,00 €", said);
        Envelope.CheckSecond("Cher", 15_000m, [first], confirmed: true);
    }
}

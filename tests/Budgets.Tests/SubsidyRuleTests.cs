using SproHub.Budgets.Requests;
using SproHub.Shared.Errors;
using Xunit;

namespace Budgets.Tests;

/// <summary>The Région's rules for a subsidy request, in euros to the cent.</summary>
public sealed class SubsidyRuleTests
{
    private static FinancialAgreement Agreement(bool coordinates = true) => new()
    {
        TerritoryId = "cher", Year = 2017, CarrierName = "Mission Locale de Bourges", CarrierCoordinates = coordinates, RequestDeadline = new DateOnly(2017, 1, 13),
    };

    [Theory]
    [InlineData("10500", "4500.00")]   // 4,500 is exactly 30% of 15,000
    [InlineData("1000", "428.57")]     // 428.57 / 1,428.57 = 29.9999…%: rounded down, the cap still holds
    [InlineData("0", "0.00")]
    public void The_coordination_subsidy_is_at_most_30_percent_of_the_global_subsidy(string projects, string max)
    {
        var allowed = SubsidyRules.MaxCoordination(decimal.Parse(projects, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(decimal.Parse(max, System.Globalization.CultureInfo.InvariantCulture), allowed);
        Assert.True(allowed <= 0.30m * (decimal.Parse(projects, System.Globalization.CultureInfo.InvariantCulture) + allowed));
    }

    [Fact]
    public void Above_the_cap_the_refusal_gives_the_figure_that_would_be_allowed()
    {
        SubsidyRules.CheckCoordination(Agreement(), 10_500m, 4_500m);
        var refused = Assert.Throws<RuleViolationException>(() => SubsidyRules.CheckCoordination(Agreement(), 10_500m, 4_500.01m));
        Assert.Equal("coordination-30", refused.Rule);
        Assert.Contains("au plus 4 500,00 €", refused.Message.Replace('\u202f', ' ').Replace('\u00a0', ' '));
        Assert.Equal("coordination-du-porteur", Assert.Throws<RuleViolationException>(() => SubsidyRules.CheckCoordination(Agreement(coordinates: false), 10_000m, 100m)).Rule);
    }

    [Fact]
    public void A_request_is_filed_after_the_deadline_only_with_the_Région_s_recorded_leave()
    {
        var request = new SubsidyRequest { TerritoryId = "cher" };
        SubsidyRules.CheckDeadline(Agreement(), request, new DateOnly(2017, 1, 13));
        Assert.Equal("date-limite", Assert.Throws<RuleViolationException>(() => SubsidyRules.CheckDeadline(Agreement(), request, new DateOnly(2017, 1, 14))).Rule);
        request.LateAllowedBecause = "Conseil d'administration du porteur reporté";
        SubsidyRules.CheckDeadline(Agreement(), request, new DateOnly(2017, 1, 14));
    }

    [Fact]
    public void Agreements_run_on_civil_years_since_2017_and_on_school_years_before()
    {
        Assert.Equal((new DateOnly(2017, 1, 1), new DateOnly(2017, 12, 31)), FinancialAgreement.PeriodOf(2017));
        Assert.Equal((new DateOnly(2015, 9, 1), new DateOnly(2016, 8, 31)), FinancialAgreement.PeriodOf(2015));
        Assert.Equal(("2015-2016", "2017"), (FinancialAgreement.YearLabel(2015), FinancialAgreement.YearLabel(2017)));
    }

    [Fact]
    public void Amounts_stop_at_the_cent() => Assert.Equal([true, false], new[] { 12.34m, 12.345m }.Select(SubsidyRules.IsCents));
}

/// <summary>Payments: half the grant in March as an advance, the balance after, never beyond the grant.</summary>
public sealed class PaymentRuleTests
{
    private static SubsidyRequest Granted(decimal granted)
    {
        var request = new SubsidyRequest { TerritoryId = "cher", DecidedOn = new DateOnly(2017, 2, 10), Status = RequestStatus.Filed };
        request.Lines.Add(new RequestLine { Label = "Projets", Amount = granted, Granted = granted });
        return request;
    }

    [Fact]
    public void The_advance_is_half_the_grant_to_the_cent_and_paid_in_March_once()
    {
        Assert.Equal(7_500.00m, SubsidyRules.Advance(15_000m));
        Assert.Equal(5_000.50m, SubsidyRules.Advance(10_001.01m)); // the odd cent goes with the balance
        var request = Granted(15_000m);
        Assert.Equal("acompte-50", Assert.Throws<RuleViolationException>(() => SubsidyRules.CheckPayment(request, PaymentKind.Advance, 7_000m, new DateOnly(2017, 3, 15))).Rule);
        Assert.Equal("acompte-mars", Assert.Throws<RuleViolationException>(() => SubsidyRules.CheckPayment(request, PaymentKind.Advance, 7_500m, new DateOnly(2017, 4, 2))).Rule);
        SubsidyRules.CheckPayment(request, PaymentKind.Advance, 7_500m, new DateOnly(2017, 3, 15));
        request.Payments.Add(new Payment { Kind = PaymentKind.Advance, Amount = 7_500m, PaidOn = new DateOnly(2017, 3, 15), Reference = "M-1" });
        Assert.Equal("acompte-unique", Assert.Throws<RuleViolationException>(() => SubsidyRules.CheckPayment(request, PaymentKind.Advance, 7_500m, new DateOnly(2017, 3, 20))).Rule);
    }

    [Fact]
    public void No_payment_goes_beyond_the_grant_and_none_before_the_decision()
    {
        var request = Granted(15_000m);
        request.Payments.Add(new Payment { Kind = PaymentKind.Advance, Amount = 7_500m, PaidOn = new DateOnly(2017, 3, 15), Reference = "M-1" });
        SubsidyRules.CheckPayment(request, PaymentKind.Balance, 7_500m, new DateOnly(2017, 11, 2));
        var beyond = Assert.Throws<RuleViolationException>(() => SubsidyRules.CheckPayment(request, PaymentKind.Balance, 7_500.01m, new DateOnly(2017, 11, 2)));
        Assert.Equal("au-dela-accorde", beyond.Rule);
        Assert.Equal("decision-requise", Assert.Throws<RuleViolationException>(() => SubsidyRules.CheckPayment(new SubsidyRequest { TerritoryId = "cher" }, PaymentKind.Balance, 1m, new DateOnly(2017, 11, 2))).Rule);
    }
}

using SproHub.Budgets.Requests;
using SproHub.Shared.Errors;
using Xunit;

namespace Budgets.Tests;

/// <summary>The Région's rules for a subsidy request, in euros to the cent.</summary>
public sealed class SubsidyRuleTests
{
    private static FinancialAgreement Agreement(bool coordinates = true) => new()
    {
        TerritoryId = "cher", Year = 2017, CarrierName = "Mission Locale Cher-Sud", CarrierCoordinates = coordinates, RequestDeadline = new DateOnly(2017, 1, 13),
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
    private static readonly FinancialAgreement Civil2017 = new()
    {
        TerritoryId = "cher", Year = 2017, CarrierName = "Mission Locale Cher-Sud", StartsOn = new DateOnly(2017, 1, 1), EndsOn = new DateOnly(2017, 12, 31),
    };

    [Fact]
    public void The_advance_is_paid_in_March_of_the_agreement_after_the_decision()
    {
        var request = Granted(15_000m);
        Assert.Equal("acompte-mars", Assert.Throws<RuleViolationException>(() => SubsidyRules.CheckPayment(Civil2017, request, PaymentKind.Advance, 7_500m, new DateOnly(2018, 3, 15))).Rule);
        Assert.Equal("apres-decision", Assert.Throws<RuleViolationException>(() => SubsidyRules.CheckPayment(Civil2017, request, PaymentKind.Advance, 7_500m, new DateOnly(2017, 2, 1))).Rule);
    }

    [Fact]
    public void Before_2017_the_advance_is_neither_half_nor_in_March_but_within_the_agreement()
    {
        // The 50 % advance in March came with the 2017 framework (seed 002): a 2015-2016 advance is judged without it.
        var (start, end) = FinancialAgreement.PeriodOf(2015);
        var schoolYear = new FinancialAgreement { TerritoryId = "cher", Year = 2015, CarrierName = "Mission Locale Cher-Sud", StartsOn = start, EndsOn = end };
        var request = Granted(15_000m);
        request.DecidedOn = new DateOnly(2015, 10, 1);
        SubsidyRules.CheckPayment(schoolYear, request, PaymentKind.Advance, 6_000m, new DateOnly(2015, 11, 16));
        var after = Assert.Throws<RuleViolationException>(() => SubsidyRules.CheckPayment(schoolYear, request, PaymentKind.Advance, 7_500m, new DateOnly(2016, 9, 16)));
        Assert.Equal(("paidOn", "acompte-periode"), (after.Field, after.Rule));
    }

    [Fact]
    public void The_last_school_year_and_the_first_civil_year_never_share_a_day()
    {
        Assert.Equal((new DateOnly(2016, 9, 1), new DateOnly(2016, 12, 31)), FinancialAgreement.YearOf(2016));
        Assert.Equal((new DateOnly(2017, 1, 1), new DateOnly(2017, 12, 31)), FinancialAgreement.YearOf(2017));
        Assert.Equal((new DateOnly(2015, 9, 1), new DateOnly(2016, 8, 31)), FinancialAgreement.YearOf(2015));
    }

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
        Assert.Equal("acompte-50", Assert.Throws<RuleViolationException>(() => SubsidyRules.CheckPayment(Civil2017, request, PaymentKind.Advance, 7_000m, new DateOnly(2017, 3, 15))).Rule);
        Assert.Equal("acompte-mars", Assert.Throws<RuleViolationException>(() => SubsidyRules.CheckPayment(Civil2017, request, PaymentKind.Advance, 7_500m, new DateOnly(2017, 4, 2))).Rule);
        SubsidyRules.CheckPayment(Civil2017, request, PaymentKind.Advance, 7_500m, new DateOnly(2017, 3, 15));
        request.Payments.Add(new Payment { Kind = PaymentKind.Advance, Amount = 7_500m, PaidOn = new DateOnly(2017, 3, 15), Reference = "M-1" });
        Assert.Equal("acompte-unique", Assert.Throws<RuleViolationException>(() => SubsidyRules.CheckPayment(Civil2017, request, PaymentKind.Advance, 7_500m, new DateOnly(2017, 3, 20))).Rule);
    }

    [Fact]
    public void No_payment_goes_beyond_the_grant_and_none_before_the_decision()
    {
        var request = Granted(15_000m);
        request.Payments.Add(new Payment { Kind = PaymentKind.Advance, Amount = 7_500m, PaidOn = new DateOnly(2017, 3, 15), Reference = "M-1" });
        Spend(request, 15_000m, new DateOnly(2017, 10, 1));
        SubsidyRules.CheckPayment(Civil2017, request, PaymentKind.Balance, 7_500m, new DateOnly(2017, 11, 2));
        var beyond = Assert.Throws<RuleViolationException>(() => SubsidyRules.CheckPayment(Civil2017, request, PaymentKind.Balance, 7_500.01m, new DateOnly(2017, 11, 2)));
        Assert.Equal("au-dela-accorde", beyond.Rule);
        Assert.Equal("decision-requise", Assert.Throws<RuleViolationException>(() => SubsidyRules.CheckPayment(Civil2017, new SubsidyRequest { TerritoryId = "cher" }, PaymentKind.Balance, 1m, new DateOnly(2017, 11, 2))).Rule);
    }

    private static void Spend(SubsidyRequest request, decimal amount, DateOnly on, string? reason = null) =>
        request.Spending.Add(new SproHub.Budgets.Spending.SpendingEntry { LineId = request.Lines[0].Id, Amount = amount, SpentOn = on, Label = "Facture", CorrectionReason = reason, RecordedBy = "test" });

    [Fact]
    public void The_balance_is_paid_on_justification_never_beyond_what_was_spent()
    {
        var request = Granted(15_000m);
        request.Payments.Add(new Payment { Kind = PaymentKind.Advance, Amount = 7_500m, PaidOn = new DateOnly(2017, 3, 15), Reference = "M-1" });
        Spend(request, 9_000m, new DateOnly(2017, 6, 1));
        var refused = Assert.Throws<RuleViolationException>(() => SubsidyRules.CheckPayment(Civil2017, request, PaymentKind.Balance, 1_500.01m, new DateOnly(2017, 7, 2)));
        Assert.Equal(("amount", "sur-justification"), (refused.Field, refused.Rule));
        Assert.Contains("1 500,00", refused.Message.Replace('\u202f', ' ').Replace('\u00a0', ' '));
        SubsidyRules.CheckPayment(Civil2017, request, PaymentKind.Balance, 1_500m, new DateOnly(2017, 7, 2));
    }

    [Fact]
    public void The_consumption_rate_counts_what_was_spent_up_to_the_date()
    {
        var request = Granted(15_000m);
        Assert.Equal(0m, SubsidyRules.Consumption(null, new DateOnly(2017, 6, 1)));
        Assert.Equal(0m, SubsidyRules.Consumption(new SubsidyRequest { TerritoryId = "cher" }, new DateOnly(2017, 6, 1))); // nothing granted yet
        Spend(request, 3_000m, new DateOnly(2017, 3, 1));
        Spend(request, 4_500m, new DateOnly(2017, 9, 1));
        Spend(request, -1_500m, new DateOnly(2017, 9, 2), "Doublon");
        Assert.Equal((0m, 0.2m, 0.4m), (SubsidyRules.Consumption(request, new DateOnly(2017, 2, 28)), SubsidyRules.Consumption(request, new DateOnly(2017, 3, 1)), SubsidyRules.Consumption(request, new DateOnly(2017, 12, 31))));
    }

    [Fact]
    public void An_extension_is_allowed_only_under_half_consumed_and_only_forward()
    {
        // The 2016 case: a school-year agreement moved from 31 August to 31 December.
        var (start, end) = FinancialAgreement.PeriodOf(2015);
        var agreement = new FinancialAgreement { TerritoryId = "cher", Year = 2015, CarrierName = "Mission Locale Cher-Sud", StartsOn = start, EndsOn = end };
        var request = Granted(15_000m);
        Spend(request, 7_499.99m, new DateOnly(2016, 1, 10));
        var today = new DateOnly(2016, 7, 20);
        var cpr = new DateOnly(2016, 7, 8);
        Assert.Equal("prolongation", Assert.Throws<RuleViolationException>(() => SubsidyRules.CheckExtension(agreement, request, new DateOnly(2016, 8, 31), today, cpr, [])).Rule);
        Assert.True(SubsidyRules.CheckExtension(agreement, request, new DateOnly(2016, 12, 31), today, cpr, []) < 0.5m);
        // The CPR votes the amendment, then it is signed.
        var unvoted = Assert.Throws<RuleViolationException>(() => SubsidyRules.CheckExtension(agreement, request, new DateOnly(2016, 12, 31), today, today.AddDays(1), []));
        Assert.Equal(("cprVoteOn", "vote-avant-signature"), (unvoted.Field, unvoted.Rule));
        Spend(request, 0.01m, new DateOnly(2016, 2, 1)); // exactly half: refused
        var refused = Assert.Throws<RuleViolationException>(() => SubsidyRules.CheckExtension(agreement, request, new DateOnly(2016, 12, 31), today, cpr, []));
        Assert.Equal(("newEndsOn", "prolongation-50"), (refused.Field, refused.Rule));
        var closed = Granted(15_000m);
        closed.ClosedOn = today;
        Assert.Equal("annee-close", Assert.Throws<RuleViolationException>(() => SubsidyRules.CheckExtension(agreement, closed, new DateOnly(2016, 12, 31), today, cpr, [])).Rule);
    }

    [Fact]
    public void Spending_is_dated_within_the_agreement_and_a_closed_year_takes_only_the_Région_s_reasoned_corrections()
    {
        var agreement = new FinancialAgreement { TerritoryId = "cher", Year = 2017, CarrierName = "Mission Locale Cher-Sud", StartsOn = new DateOnly(2017, 1, 1), EndsOn = new DateOnly(2017, 12, 31) };
        var request = Granted(15_000m);
        var line = request.Lines[0].Id;
        var today = new DateOnly(2018, 1, 20);
        string Rule(Action check) => Assert.Throws<RuleViolationException>(check).Rule;
        Assert.Equal("hors-periode", Rule(() => SubsidyRules.CheckSpending(agreement, request, line, new DateOnly(2018, 1, 2), 10m, null, false, today)));
        Assert.Equal("date-passee", Rule(() => SubsidyRules.CheckSpending(agreement, request, line, new DateOnly(2017, 6, 1), 10m, null, false, new DateOnly(2017, 5, 1))));
        Assert.Equal("ligne-de-la-demande", Rule(() => SubsidyRules.CheckSpending(agreement, request, Guid.NewGuid(), new DateOnly(2017, 6, 1), 10m, null, false, today)));
        Assert.Equal("correction-motivee", Rule(() => SubsidyRules.CheckSpending(agreement, request, line, new DateOnly(2017, 6, 1), -10m, null, false, today)));
        Assert.Equal("depense-negative", Rule(() => SubsidyRules.CheckSpending(agreement, request, line, new DateOnly(2017, 6, 1), -10m, "Doublon", false, today)));
        SubsidyRules.CheckSpending(agreement, request, line, new DateOnly(2017, 6, 1), 10m, null, false, today);
        // What the Région writes on an open year is a correction too, with its reason.
        Assert.Equal("correction-motivee", Rule(() => SubsidyRules.CheckSpending(agreement, request, line, new DateOnly(2017, 6, 1), 10m, null, true, today)));

        request.ClosedOn = today;
        Assert.Equal("annee-close", Rule(() => SubsidyRules.CheckSpending(agreement, request, line, new DateOnly(2017, 6, 1), 10m, "Oubli", false, today)));
        Assert.Equal("correction-motivee", Rule(() => SubsidyRules.CheckSpending(agreement, request, line, new DateOnly(2017, 6, 1), 10m, null, true, today)));
        SubsidyRules.CheckSpending(agreement, request, line, new DateOnly(2017, 6, 1), 10m, "Facture reçue après la clôture", true, today);
    }
}

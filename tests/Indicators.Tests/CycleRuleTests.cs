using SproHub.Indicators.Cycle;
using SproHub.Shared.Errors;
using Xunit;

namespace Indicators.Tests;

/// <summary>The yearly cycle's locking rules, without a database.</summary>
public sealed class CycleRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 20, 10, 0, 0, TimeSpan.Zero);

    private static string Rule(Action action) => Assert.Throws<RuleViolationException>(action).Rule;

    [Fact]
    public void A_submitted_or_approved_version_is_not_typed_into_and_approval_locks_the_submitted_figures()
    {
        var dashboard = new Dashboard { TerritoryId = "cher", Year = 2025 };
        dashboard.EnsureEditable();
        Assert.Equal("tableau-a-soumettre", Rule(() => dashboard.Approve("Région", Now, "{}")));
        dashboard.Submit("Coordination", Now, "{\"as\":\"submitted\"}");
        Assert.Equal("tableau-soumis", Rule(dashboard.EnsureEditable));
        Assert.Equal("deja-soumis", Rule(() => dashboard.Submit("Coordination", Now, "{}")));
        var approved = dashboard.Approve("Région", Now, dashboard.SubmittedFigures!);
        Assert.Equal(("{\"as\":\"submitted\"}", 1, DashboardStatus.Approved), (approved.Figures, approved.Number, dashboard.Status));
        Assert.Equal("tableau-approuve", Rule(dashboard.EnsureEditable));
    }

    [Fact]
    public void A_correction_is_a_new_version_with_its_reason_and_the_approved_ones_stay()
    {
        var dashboard = new Dashboard { TerritoryId = "cher", Year = 2025 };
        Assert.Equal("tableau-non-approuve", Rule(() => dashboard.OpenCorrection("Oubli")));
        dashboard.Submit("Coordination", Now, "{\"v\":1}");
        dashboard.Approve("Région", Now, dashboard.SubmittedFigures!);
        dashboard.OpenCorrection("Deux conseillères oubliées");
        Assert.Equal((2, DashboardStatus.Draft, "Deux conseillères oubliées", (string?)null), (dashboard.Number, dashboard.Status, dashboard.CorrectionReason, dashboard.SubmittedFigures));
        dashboard.EnsureEditable();
        dashboard.Submit("Coordination", Now, "{\"v\":2}");
        dashboard.Approve("Région", Now.AddDays(1), dashboard.SubmittedFigures!);
        Assert.Equal([("{\"v\":1}", (string?)null), ("{\"v\":2}", "Deux conseillères oubliées")], dashboard.Approved.Select(a => (a.Figures, a.CorrectionReason)));
    }
}

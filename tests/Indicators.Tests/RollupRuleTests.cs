using SproHub.Indicators.Dashboards;
using Xunit;

namespace Indicators.Tests;

public sealed class RollupRuleTests
{
    [Fact]
    public void A_rate_rolls_up_from_its_summed_numerators_and_denominators_never_from_an_average()
    {
        var small = IndicatorFigure.Rate(1, 1);    // 100 %
        var large = IndicatorFigure.Rate(10, 100); // 10 %
        var rolled = IndicatorFigure.Sum([small, large, null])!;
        Assert.Equal((11m, 101m), (rolled.Numerator, rolled.Denominator));
        Assert.Equal(11m / 101m, rolled.Value);
        Assert.NotEqual((1m + 0.1m) / 2, rolled.Value); // the average of the two rates, which a rollup never is
    }

    [Fact]
    public void Counts_add_up_and_absent_figures_add_nothing()
    {
        Assert.Equal(7m, IndicatorFigure.Sum([IndicatorFigure.Of(3), null, IndicatorFigure.Of(4)])!.Value);
        Assert.Null(IndicatorFigure.Sum([null, null]));
        Assert.Null(IndicatorFigure.Rate(0, 0).Value); // no meeting: no rate, not 0 %
    }
}

using SproHub.Indicators.Catalogue;
using SproHub.Indicators.Cycle;
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

    [Fact]
    public void An_average_is_its_total_divided_by_its_count_and_rolls_up_from_both()
    {
        IndicatorDefinition[] definitions =
        [
            new("cellule.days", "Délai moyen", EvaluativeQuestion.ServiceImproved, "jours", IndicatorKind.Average, IndicatorSource.Events, ModuleId: "cellule", AverageOver: "cellule.examined"),
        ];
        var cher = new Dictionary<string, IndicatorFigure> { ["cellule.days"] = IndicatorFigure.Of(30), ["cellule.examined"] = IndicatorFigure.Of(4) };
        var orleans = new Dictionary<string, IndicatorFigure> { ["cellule.days"] = IndicatorFigure.Of(60), ["cellule.examined"] = IndicatorFigure.Of(2) };
        IndicatorCatalogue.DivideAverages(cher, definitions);
        IndicatorCatalogue.DivideAverages(orleans, definitions);
        IndicatorCatalogue.DivideAverages(cher, definitions); // already divided: left alone
        Assert.Equal((7.5m, 30m, 4m), (cher["cellule.days"].Value, cher["cellule.days"].Numerator, cher["cellule.days"].Denominator));
        Assert.Equal(15m, IndicatorFigure.Sum([cher["cellule.days"], orleans["cellule.days"]])!.Value); // 90 days over 6 situations, not (7.5 + 30) / 2
        Assert.Equal("7,5", Figures.Format(cher["cellule.days"], IndicatorKind.Average));
        // Over fewer than five people, the average stays but not the count it is made of.
        var shown = Figures.Shown(cher["cellule.days"], IndicatorKind.Average)!;
        Assert.Equal((7.5m, (decimal?)null, (decimal?)null), (shown.Value!.Value, shown.Numerator, shown.Denominator));
    }

    [Fact]
    public void Member_structure_types_follow_seed_002_s_table_then_the_others()
    {
        Assert.Equal(["Mission Locale", "CIO", "France Travail", "BIJ", "PIJ", "Cap emploi", "CAD", "Point A", "Apec", "CCI"],
            MemberStructureTypes.Ordered(["CCI", "Apec", "Pôle emploi", "cio"]));
        Assert.Equal("France Travail", MemberStructureTypes.Canonical("Pôle Emploi"));
        Assert.Equal("CAD", MemberStructureTypes.Canonical("Chambre de métiers et de l'artisanat (CAD)"));
        Assert.Equal("Mission Locale", MemberStructureTypes.Canonical(" ML "));
        Assert.Equal("Maison de l'emploi", MemberStructureTypes.Canonical("Maison de l'emploi"));
    }
}

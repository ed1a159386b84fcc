using SproHub.Shared.Modularity;
using SproHub.Shared.Territories;

namespace SproHub.Indicators.Catalogue;

/// <summary>
/// The Région's indicators (seed 002: 1-2, 7-7bis-20, 24-25, and the subsidy's figures for question 2) and those the
/// active plugins declare in their manifests, which need no change here.
/// </summary>
public sealed class IndicatorCatalogue(IModuleCatalog modules, IModuleGate gate)
{
    public const string Meetings = "1";
    public const string Attendance = "2";
    public const string AgentsTrained = "7";
    public const string AgentsInStructures = "7bis";
    public const string TrainedShare = "20";
    public const string CoordinationAgents = "24";
    public const string CoordinationFte = "25";
    public const string Granted = "budget-accorde";
    public const string Paid = "budget-verse";
    public const string Consumption = "budget-consommation";

    public static readonly IReadOnlyList<IndicatorDefinition> Regional =
    [
        new(Meetings, "Réunions du réseau local", EvaluativeQuestion.ActorsKnowEachOther, "réunions", IndicatorKind.Count, IndicatorSource.Events, Number: Meetings),
        new(Attendance, "Taux de présence aux réunions", EvaluativeQuestion.ActorsKnowEachOther, "%", IndicatorKind.Rate, IndicatorSource.Events,
            Numerator: "structures participantes", Denominator: "structures invitées", Number: Attendance),
        new(AgentsTrained, "Agents ayant suivi une formation, un séminaire ou une journée de professionnalisation", EvaluativeQuestion.ActorsKnowEachOther, "agents", IndicatorKind.Count, IndicatorSource.Form, Number: AgentsTrained),
        new(AgentsInStructures, "Agents des structures membres", EvaluativeQuestion.ActorsKnowEachOther, "agents", IndicatorKind.Count, IndicatorSource.Form, Number: AgentsInStructures),
        new(TrainedShare, "Part des agents formés ou professionnalisés", EvaluativeQuestion.ActorsKnowEachOther, "%", IndicatorKind.Rate, IndicatorSource.Form,
            Numerator: "agents formés (7)", Denominator: "agents des structures membres (7bis)", Number: TrainedShare),
        new(CoordinationAgents, "Agents consacrés à la coordination locale", EvaluativeQuestion.MeansReachedGoals, "agents", IndicatorKind.Count, IndicatorSource.Form, Number: CoordinationAgents),
        new(CoordinationFte, "Équivalents temps plein de coordination locale", EvaluativeQuestion.MeansReachedGoals, "ETP", IndicatorKind.Count, IndicatorSource.Form, Number: CoordinationFte),
        new(Granted, "Subvention accordée par la Région", EvaluativeQuestion.MeansReachedGoals, "€", IndicatorKind.Amount, IndicatorSource.Events),
        new(Paid, "Subvention versée", EvaluativeQuestion.MeansReachedGoals, "€", IndicatorKind.Amount, IndicatorSource.Events),
        new(Consumption, "Taux de consommation de la subvention (année close)", EvaluativeQuestion.MeansReachedGoals, "%", IndicatorKind.Rate, IndicatorSource.Events,
            Numerator: "dépensé", Denominator: "accordé"),
    ];

    public static string PluginCode(string moduleId, string code) => $"{moduleId}.{code}";

    /// <summary>Every indicator of the active modules; <paramref name="territoryId"/> keeps only the plugins enabled there.</summary>
    public IReadOnlyList<IndicatorDefinition> For(string? territoryId) =>
        Regional.Concat(modules.Active
            .Where(m => m.Manifest.Indicators.Count > 0 && (!m.IsPlugin || territoryId is null || gate.IsEnabled(m.Manifest.Id, territoryId)))
            .SelectMany(m => m.Manifest.Indicators.Select(i => Declared(m.Manifest, i))))
            .ToList();

    /// <summary>A plugin's indicator under the label its manifest declares; an average names what it divides.</summary>
    private static IndicatorDefinition Declared(ModuleManifest manifest, IndicatorDeclaration i)
    {
        var over = i.AverageOver is null ? null : manifest.Indicators.FirstOrDefault(o => o.Code == i.AverageOver);
        var code = PluginCode(manifest.Id, i.Code);
        return over is null
            ? new IndicatorDefinition(code, i.Label, EvaluativeQuestion.ServiceImproved, i.Unit, i.CountsPeople ? IndicatorKind.People : IndicatorKind.Count, IndicatorSource.Events, ModuleId: manifest.Id)
            : new IndicatorDefinition(code, i.Label, EvaluativeQuestion.ServiceImproved, i.Unit, IndicatorKind.Average, IndicatorSource.Events,
                Numerator: $"{i.Unit} au total", Denominator: over.Label.ToLowerInvariant(), ModuleId: manifest.Id, AverageOver: PluginCode(manifest.Id, over.Code));
    }

    /// <summary>
    /// An average's events add up its total; divided here by its count (kept as numerator and denominator, so levels sum
    /// both and divide again). Figures already divided, as approved ones, are left as they are.
    /// </summary>
    public static void DivideAverages(Dictionary<string, Dashboards.IndicatorFigure> figures, IEnumerable<IndicatorDefinition> definitions)
    {
        foreach (var d in definitions.Where(d => d.AverageOver is not null))
            if (figures.TryGetValue(d.Code, out var total) && total.Denominator is null && total.Value is { } sum)
                figures[d.Code] = Dashboards.IndicatorFigure.Rate(sum, figures.GetValueOrDefault(d.AverageOver!)?.Value ?? 0);
    }
}

namespace SproHub.Budgets.Requests;

/// <summary>
/// A rule of the Région's financing framework and the agreement years it governs (<paramref name="FromYear"/> to
/// <paramref name="UntilYear"/>, by the agreement's <see cref="FinancialAgreement.Year"/>): a request is judged by the
/// rules of its own year, never by a rule decided later.
/// </summary>
/// <param name="DecidedBy">Where the rule comes from, as the page says it.</param>
public sealed record FundingRule(string Code, string Text, int FromYear, int? UntilYear, string DecidedBy)
{
    public bool AppliesTo(int year) => year >= FromYear && (UntilYear is null || year <= UntilYear);
}

/// <summary>The rules of the seeds, each with the years it governs (seeds 000, 001, 002, 004; see ADR 0009).</summary>
public static class FundingRules
{
    public static readonly FundingRule SchoolYear = new("annee-scolaire", "Convention sur l'année scolaire, du 1er septembre au 31 août.", 2000, 2015,
        "conventions financières signées en 2015");

    public static readonly FundingRule Transition = new("transition-2016",
        "La convention 2015-2016 est prolongée au 31 décembre 2016 par avenant ; à défaut, une convention de transition couvre le 1er septembre au 31 décembre 2016.",
        2015, 2016, "CPR de juillet 2016, présenté à la réunion des coordonnateurs du 30 juin 2016");

    public static readonly FundingRule CivilYear = new("annee-civile", "Convention sur l'année civile, du 1er janvier au 31 décembre.", 2017, null,
        "cadre d'intervention 2017, voté par la CPR le 25/11/2016");

    /// <summary>Before 2017 the envelope paid territory projects and operating costs (seed 000): no flat coordination subsidy.</summary>
    public static readonly FundingRule NoCoordinationSubsidy = new("sans-coordination",
        "Pas de subvention de coordination forfaitaire : l'enveloppe finance les projets des territoires et les frais de fonctionnement, demandés en lignes de projet.",
        2000, 2016, "enveloppe 2015/2016, réunion départementale du Cher du 1er décembre 2015");

    public static readonly FundingRule Coordination30 = new("coordination-30",
        "Si la structure porteuse coordonne aussi le SPRO, une subvention de coordination forfaitaire d'au plus 30 % de la subvention globale.",
        2017, null, "cadre d'intervention 2017, voté par la CPR le 25/11/2016");

    public static readonly FundingRule Advance50 = new("acompte-50", "Un acompte de 50 % du montant accordé, versé en mars ; le solde sur justification.", 2017, null,
        "cadre d'intervention 2017, voté par la CPR le 25/11/2016");

    public static readonly FundingRule Extension50 = new("prolongation-50",
        "Une convention se prolonge par avenant voté en CPR, seulement tant que moins de 50 % de la subvention est consommée.", 2015, null,
        "CPR de juillet 2016 (conventions 2015-2016 consommées à moins de 50 %)");

    public static readonly IReadOnlyList<FundingRule> All = [SchoolYear, Transition, CivilYear, NoCoordinationSubsidy, Coordination30, Advance50, Extension50];

    /// <summary>The rules that govern an agreement year, in the order of the list.</summary>
    public static IReadOnlyList<FundingRule> For(int year) => All.Where(r => r.AppliesTo(year)).ToList();
}

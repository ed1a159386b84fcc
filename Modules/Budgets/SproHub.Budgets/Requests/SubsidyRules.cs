using SproHub.Shared.Errors;

namespace SproHub.Budgets.Requests;

/// <summary>The Région's rules for a subsidy request; amounts in euros, to the cent.</summary>
public static class SubsidyRules
{
    public const decimal CoordinationShare = 0.30m;

    /// <summary>The most the flat coordination subsidy may be beside these projects: 30% of the global subsidy (projects
    /// and coordination), rounded down to the cent so that the rule holds once rounded.</summary>
    public static decimal MaxCoordination(decimal projects) => Math.Floor(projects * CoordinationShare / (1 - CoordinationShare) * 100m) / 100m;

    /// <summary>The most coordination these projects allow under the agreement's own year's rules (none before 2017).</summary>
    public static decimal MaxCoordination(FinancialAgreement agreement, decimal projects) =>
        agreement.CarrierCoordinates && FundingRules.Coordination30.AppliesTo(agreement.Year) ? MaxCoordination(projects) : 0;

    public static void CheckCoordination(FinancialAgreement agreement, decimal projects, decimal coordination)
    {
        if (coordination == 0) return;
        // Judged by the rules of the agreement's year: the flat coordination subsidy came with the 2017 framework.
        if (!FundingRules.Coordination30.AppliesTo(agreement.Year))
            throw new RuleViolationException("lines", "coordination-avant-2017",
                $"La subvention de coordination forfaitaire date du cadre d'intervention 2017 : la convention {agreement.Label} n'en prévoit pas ; les frais de fonctionnement se demandent en ligne de projet.");
        if (!agreement.CarrierCoordinates)
            throw new RuleViolationException("lines", "coordination-du-porteur", $"{agreement.CarrierName} ne coordonne pas le SPRO : pas de subvention de coordination.");
        var max = MaxCoordination(projects);
        if (coordination > max)
            throw new RuleViolationException("lines", "coordination-30", $"La subvention de coordination ({Euros(coordination)}) dépasse 30 % de la subvention globale : au plus {Euros(max)} avec {Euros(projects)} de projets.");
    }

    /// <summary>After the deadline a request is filed only with the Région's recorded leave.</summary>
    public static void CheckDeadline(FinancialAgreement agreement, SubsidyRequest request, DateOnly today)
    {
        if (today > agreement.RequestDeadline && request.LateAllowedBecause is null)
            throw new RuleViolationException("status", "date-limite", $"La date limite de dépôt ({agreement.RequestDeadline:dd/MM/yyyy}) est passée : la Région doit autoriser un dépôt tardif.");
    }

    /// <summary>The advance: half the grant, to the cent (the cent left over goes with the balance).</summary>
    public static decimal Advance(decimal granted) => Math.Floor(granted * 50m) / 100m;

    public const int AdvanceMonth = 3;

    /// <summary>An advance is half the grant, paid in March, once; no payment takes the total beyond the grant.</summary>
    public static void CheckPayment(FinancialAgreement agreement, SubsidyRequest request, PaymentKind kind, decimal amount, DateOnly paidOn)
    {
        if (request.DecidedOn is not { } decided) throw new RuleViolationException("kind", "decision-requise", "La Région décide d'abord des montants accordés.");
        if (paidOn < decided) throw new RuleViolationException("paidOn", "apres-decision", $"Un paiement suit la décision du {decided:dd/MM/yyyy}.");
        if (kind == PaymentKind.Advance)
        {
            if (request.Payments.Any(p => p.Kind == PaymentKind.Advance))
                throw new RuleViolationException("kind", "acompte-unique", "L'acompte a déjà été versé ; le reste se verse en solde sur justification.");
            // Before 2017 no rule fixed the advance's share nor its month: it is paid within the agreement.
            if (!FundingRules.Advance50.AppliesTo(agreement.Year))
            {
                if (paidOn < agreement.StartsOn || paidOn > agreement.EndsOn)
                    throw new RuleViolationException("paidOn", "acompte-periode", $"L'acompte se verse pendant la convention {agreement.Label} : du {agreement.StartsOn:dd/MM/yyyy} au {agreement.EndsOn:dd/MM/yyyy}.");
            }
            else if (amount != Advance(request.Granted))
                throw new RuleViolationException("amount", "acompte-50", $"L'acompte est de 50 % du montant accordé : {Euros(Advance(request.Granted))}.");
            else if (paidOn.Month != AdvanceMonth || paidOn < agreement.StartsOn || paidOn > agreement.EndsOn)
                throw new RuleViolationException("paidOn", "acompte-mars", $"L'acompte se verse en mars de la convention {agreement.Label}.");
        }
        if (request.Paid + amount > request.Granted)
            throw new RuleViolationException("amount", "au-dela-accorde", $"Ce paiement dépasserait le montant accordé : il reste {Euros(request.LeftToPay)} à verser.");
        if (kind == PaymentKind.Balance && request.Paid + amount > request.Spent)
            throw new RuleViolationException("amount", "sur-justification",
                $"Le solde se verse sur justification : {Euros(request.Spent)} de dépenses déclarées et {Euros(request.Paid)} déjà versés, soit au plus {Euros(Math.Max(0, request.Spent - request.Paid))}.");
    }

    /// <summary>The share of the grant spent up to a date (0 before any grant); 0.5 is half.</summary>
    public static decimal Consumption(SubsidyRequest? request, DateOnly at) =>
        request is null || request.Granted == 0 ? 0 : request.Spending.Where(s => s.SpentOn <= at).Sum(s => s.Amount) / request.Granted;

    public static string Percent(decimal rate) => rate.ToString("0.0 %", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"));

    public const decimal ExtensionThreshold = 0.5m;

    /// <summary>
    /// An amendment extends the end date only while less than half the grant is spent on the day it is signed (the 2016
    /// case: 31 August to 31 December), after the CPR voted it, and never onto another agreement of the local SPRO.
    /// </summary>
    public static decimal CheckExtension(FinancialAgreement agreement, SubsidyRequest? request, DateOnly newEnd, DateOnly signedOn, DateOnly cprVoteOn,
        IEnumerable<FinancialAgreement> others)
    {
        if (request?.IsClosed == true) throw new RuleViolationException("newEndsOn", "annee-close", $"L'année {agreement.Label} est close : sa convention ne se prolonge plus.");
        if (newEnd <= agreement.EndsOn)
            throw new RuleViolationException("newEndsOn", "prolongation", $"Un avenant prolonge la convention : choisissez une date après le {agreement.EndsOn:dd/MM/yyyy}.");
        if (cprVoteOn > signedOn)
            throw new RuleViolationException("cprVoteOn", "vote-avant-signature", $"La CPR vote l'avenant avant sa signature : le vote du {cprVoteOn:dd/MM/yyyy} suit la signature du {signedOn:dd/MM/yyyy}.");
        CheckNoOverlap(agreement.Year, agreement.StartsOn, newEnd, others, "newEndsOn");
        var rate = Consumption(request, signedOn);
        if (rate >= ExtensionThreshold)
            throw new RuleViolationException("newEndsOn", "prolongation-50", $"La subvention est consommée à {Percent(rate)} : une prolongation n'est possible qu'en dessous de 50 %.");
        return rate;
    }

    /// <summary>
    /// No two agreements of a local SPRO run on the same day, extensions included: this is what settles 2016, where the
    /// 2015-2016 agreement extended to 31 December and a transition agreement exclude each other (ADR 0009).
    /// </summary>
    public static void CheckNoOverlap(int year, DateOnly start, DateOnly end, IEnumerable<FinancialAgreement> others, string field)
    {
        var clash = others.Where(o => o.Year != year).OrderBy(o => o.StartsOn).FirstOrDefault(o => o.Overlaps(start, end));
        if (clash is null) return;
        var why = year == FinancialAgreement.TransitionYear || clash.Year == FinancialAgreement.TransitionYear
            ? " En 2016, la convention 2015-2016 prolongée au 31/12/2016 et une convention de transition s'excluent."
            : year < FinancialAgreement.FirstCivilYear && clash.Year >= FinancialAgreement.FirstCivilYear ? " Depuis 2017, les conventions suivent l'année civile." : "";
        throw new RuleViolationException(field, "chevauchement",
            $"Du {start:dd/MM/yyyy} au {end:dd/MM/yyyy}, la convention {FinancialAgreement.YearLabel(year)} chevaucherait la convention {clash.Label} (du {clash.StartsOn:dd/MM/yyyy} au {clash.EndsOn:dd/MM/yyyy}{(clash.EndsOn != FinancialAgreement.PeriodOf(clash.Year).End ? ", prolongée par avenant" : "")}) : deux conventions financières d'un SPRO local ne se chevauchent pas.{why}");
    }

    /// <summary>
    /// A spending entry: on a granted line, dated within the agreement (as extended) and not in the future, to the cent; a
    /// negative amount is a reasoned correction that never takes a line below zero; once the year is closed, only the
    /// Région corrects, with a reason.
    /// </summary>
    public static void CheckSpending(FinancialAgreement agreement, SubsidyRequest request, Guid lineId, DateOnly spentOn, decimal amount, string? reason, bool byRegion, DateOnly today)
    {
        if (request.DecidedOn is null) throw new RuleViolationException("lineId", "decision-requise", "Les dépenses se déclarent sur les lignes accordées par la Région.");
        var line = request.Lines.FirstOrDefault(l => l.Id == lineId) ?? throw new RuleViolationException("lineId", "ligne-de-la-demande", "Cette ligne n'appartient pas à la demande.");
        if (request.IsClosed && !byRegion)
            throw new RuleViolationException("lineId", "annee-close", $"L'année {agreement.Label} est close : ses chiffres sont arrêtés ; une correction passe par la Région, motivée.");
        // The carrier reports; what the Région writes is always a correction, and says why.
        if ((request.IsClosed || byRegion) && string.IsNullOrWhiteSpace(reason))
            throw new RuleViolationException("reason", "correction-motivee", request.IsClosed ? "L'année est close : une correction indique sa raison." : "Une écriture de la Région corrige l'état du porteur : indiquez pourquoi.");
        if (spentOn > today) throw new RuleViolationException("spentOn", "date-passee", "Une dépense se déclare une fois faite.");
        if (spentOn < agreement.StartsOn || spentOn > agreement.EndsOn)
            throw new RuleViolationException("spentOn", "hors-periode", $"La dépense doit dater de la convention : du {agreement.StartsOn:dd/MM/yyyy} au {agreement.EndsOn:dd/MM/yyyy}.");
        if (amount < 0 && string.IsNullOrWhiteSpace(reason))
            throw new RuleViolationException("reason", "correction-motivee", "Un montant négatif corrige une dépense : indiquez pourquoi.");
        if (request.SpentFor(lineId) + amount < 0)
            throw new RuleViolationException("amount", "depense-negative", $"« {line.Label} » : la correction dépasse les {Euros(request.SpentFor(lineId))} déclarés.");
    }

    public static bool IsCents(decimal amount) => decimal.Round(amount, 2) == amount;

    public static string Euros(decimal amount) => SproHub.Shared.Text.French.Euros(amount);
}

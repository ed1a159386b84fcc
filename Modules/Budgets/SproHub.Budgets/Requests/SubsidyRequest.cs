using SproHub.Budgets.Amendments;
using SproHub.Budgets.Closure;
using SproHub.Budgets.Spending;
using SproHub.Shared.Data;
using SproHub.Shared.Errors;

namespace SproHub.Budgets.Requests;

/// <summary>
/// A local SPRO's financial agreement (<i>convention financière</i>) for a year, held by its carrier structure: a
/// civil year since 2017, a school year before.
/// </summary>
public sealed class FinancialAgreement : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string TerritoryId { get; set; }
    public int Year { get; set; }
    public Guid CarrierStructureId { get; set; }
    public required string CarrierName { get; set; }
    /// <summary>The carrier also coordinates the SPRO: it may request the flat coordination subsidy.</summary>
    public bool CarrierCoordinates { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    /// <summary>The Région's deadline for the carrier's subsidy request (13 January 2017 in the seeds).</summary>
    public DateOnly RequestDeadline { get; set; }
    public int Version { get; set; }
    /// <summary>Extensions of the end date, in order; <see cref="EndsOn"/> is the current end.</summary>
    public List<AgreementAmendment> Amendments { get; set; } = [];

    public string Label => YearLabel(Year);

    public static string YearLabel(int year) => year >= 2017 ? $"{year}" : $"{year}-{year + 1}";

    public static (DateOnly Start, DateOnly End) PeriodOf(int year) =>
        year >= 2017 ? (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)) : (new DateOnly(year, 9, 1), new DateOnly(year + 1, 8, 31));
}

public enum LineKind { Project, Coordination }

public enum RequestStatus { Draft, Filed }

public sealed class RequestLine
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid RequestId { get; set; }
    public int Order { get; set; }
    public LineKind Kind { get; set; }
    public required string Label { get; set; }
    public decimal Amount { get; set; }
    /// <summary>What the Région granted for this line (its decision), null until it decides.</summary>
    public decimal? Granted { get; set; }
}

public enum PaymentKind { Advance, Balance }

/// <summary>A payment of the Région to the carrier, with its date and reference; never beyond what was granted.</summary>
public sealed class Payment
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid RequestId { get; set; }
    public PaymentKind Kind { get; set; }
    public decimal Amount { get; set; }
    public DateOnly PaidOn { get; set; }
    public required string Reference { get; set; }
    public string? RecordedBy { get; set; }
}

/// <summary>The carrier's subsidy request for its agreement's year, in lines per project or action.</summary>
public sealed class SubsidyRequest : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AgreementId { get; set; }
    public required string TerritoryId { get; set; }
    public RequestStatus Status { get; set; }
    public DateTimeOffset? FiledAt { get; set; }
    public string? FiledBy { get; set; }
    /// <summary>The Région's explicit leave to file after the deadline, with its reason: recorded, never implied.</summary>
    public string? LateAllowedBecause { get; set; }
    public string? LateAllowedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>The CPR's vote of the Région's decision; the amounts granted are on the lines.</summary>
    public DateOnly? DecidedOn { get; set; }
    /// <summary>The yearly closure: from then on the figures of <see cref="Closed"/> are locked.</summary>
    public DateOnly? ClosedOn { get; set; }
    public string? ClosedBy { get; set; }
    public int Version { get; set; }
    public List<RequestLine> Lines { get; set; } = [];
    public List<Payment> Payments { get; set; } = [];
    public List<SpendingEntry> Spending { get; set; } = [];
    public List<ClosedLine> Closed { get; set; } = [];

    public bool IsClosed => ClosedOn is not null;
    public decimal Spent => Spending.Sum(s => s.Amount);
    public decimal SpentOn(Guid lineId) => Spending.Where(s => s.LineId == lineId).Sum(s => s.Amount);

    public decimal Granted => Lines.Sum(l => l.Granted ?? 0);
    public decimal Paid => Payments.Sum(p => p.Amount);
    public decimal LeftToPay => Granted - Paid;

    public decimal Projects => Lines.Where(l => l.Kind == LineKind.Project).Sum(l => l.Amount);
    public decimal Coordination => Lines.Where(l => l.Kind == LineKind.Coordination).Sum(l => l.Amount);
    public decimal Total => Projects + Coordination;
}

/// <summary>The Région's rules for a subsidy request; amounts in euros, to the cent.</summary>
public static class SubsidyRules
{
    public const decimal CoordinationShare = 0.30m;

    /// <summary>The most the flat coordination subsidy may be beside these projects: 30% of the global subsidy (projects
    /// and coordination), rounded down to the cent so that the rule holds once rounded.</summary>
    public static decimal MaxCoordination(decimal projects) => Math.Floor(projects * CoordinationShare / (1 - CoordinationShare) * 100m) / 100m;

    public static void CheckCoordination(FinancialAgreement agreement, decimal projects, decimal coordination)
    {
        if (coordination == 0) return;
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
    public static void CheckPayment(SubsidyRequest request, PaymentKind kind, decimal amount, DateOnly paidOn)
    {
        if (request.DecidedOn is null) throw new RuleViolationException("kind", "decision-requise", "La Région décide d'abord des montants accordés.");
        if (kind == PaymentKind.Advance)
        {
            if (request.Payments.Any(p => p.Kind == PaymentKind.Advance))
                throw new RuleViolationException("kind", "acompte-unique", "L'acompte a déjà été versé ; le reste se verse en solde sur justification.");
            if (amount != Advance(request.Granted))
                throw new RuleViolationException("amount", "acompte-50", $"L'acompte est de 50 % du montant accordé : {Euros(Advance(request.Granted))}.");
            if (paidOn.Month != AdvanceMonth)
                throw new RuleViolationException("paidOn", "acompte-mars", "L'acompte se verse en mars.");
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

    /// <summary>An amendment extends the end date only while less than half the grant is spent (the 2016 case: 31 August to 31 December).</summary>
    public static decimal CheckExtension(FinancialAgreement agreement, SubsidyRequest? request, DateOnly newEnd, DateOnly today)
    {
        if (request?.IsClosed == true) throw new RuleViolationException("newEndsOn", "annee-close", $"L'année {agreement.Label} est close : sa convention ne se prolonge plus.");
        if (newEnd <= agreement.EndsOn)
            throw new RuleViolationException("newEndsOn", "prolongation", $"Un avenant prolonge la convention : choisissez une date après le {agreement.EndsOn:dd/MM/yyyy}.");
        var rate = Consumption(request, today);
        if (rate >= ExtensionThreshold)
            throw new RuleViolationException("newEndsOn", "prolongation-50", $"La subvention est consommée à {Percent(rate)} : une prolongation n'est possible qu'en dessous de 50 %.");
        return rate;
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
        if (request.IsClosed && string.IsNullOrWhiteSpace(reason))
            throw new RuleViolationException("reason", "correction-motivee", "L'année est close : une correction indique sa raison.");
        if (spentOn > today) throw new RuleViolationException("spentOn", "date-passee", "Une dépense se déclare une fois faite.");
        if (spentOn < agreement.StartsOn || spentOn > agreement.EndsOn)
            throw new RuleViolationException("spentOn", "hors-periode", $"La dépense doit dater de la convention : du {agreement.StartsOn:dd/MM/yyyy} au {agreement.EndsOn:dd/MM/yyyy}.");
        if (amount < 0 && string.IsNullOrWhiteSpace(reason))
            throw new RuleViolationException("reason", "correction-motivee", "Un montant négatif corrige une dépense : indiquez pourquoi.");
        if (request.SpentOn(lineId) + amount < 0)
            throw new RuleViolationException("amount", "depense-negative", $"« {line.Label} » : la correction dépasse les {Euros(request.SpentOn(lineId))} déclarés.");
    }

    public static bool IsCents(decimal amount) => decimal.Round(amount, 2) == amount;

    public static string Euros(decimal amount) => amount.ToString("#,##0.00 €", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"));
}

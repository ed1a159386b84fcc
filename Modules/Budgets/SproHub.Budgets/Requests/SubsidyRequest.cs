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
    public int Version { get; set; }
    public List<RequestLine> Lines { get; set; } = [];
    public List<Payment> Payments { get; set; } = [];

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
    }

    public static bool IsCents(decimal amount) => decimal.Round(amount, 2) == amount;

    public static string Euros(decimal amount) => amount.ToString("#,##0.00 €", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"));
}

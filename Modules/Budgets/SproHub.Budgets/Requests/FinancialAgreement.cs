using SproHub.Budgets.Amendments;
using SproHub.Budgets.Closure;
using SproHub.Budgets.Spending;
using SproHub.Shared.Data;
using SproHub.Shared.Errors;

namespace SproHub.Budgets.Requests;

/// <summary>
/// A local SPRO's financial agreement (<i>convention financière</i>) for a year, held by its carrier structure: a
/// civil year since 2017, a school year until 2015-2016, never two of a local SPRO on the same day.
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

    /// <summary>The label in a file name (no spaces nor brackets).</summary>
    public string FileLabel => Year == TransitionYear ? $"{Year}-transition" : Label;

    /// <summary>The first agreement on the civil year (seed 002: « la convention ira du 1er janvier au 31 décembre 2017 »).</summary>
    public const int FirstCivilYear = 2017;

    /// <summary>The only year between the last school year (2015-2016) and the first civil one: 1 September to 31 December 2016.</summary>
    public const int TransitionYear = 2016;

    public static string YearLabel(int year) => year >= FirstCivilYear ? $"{year}" : year == TransitionYear ? $"{year} (transition)" : $"{year}-{year + 1}";

    /// <summary>
    /// A year's period: civil since 2017, a school year until 2015-2016; 2016 is the four months between them, since a
    /// 2016-2017 school year would overlap 2017 (ADR 0009). The seeds' way through 2016 is to extend 2015-2016 to
    /// 31 December; the no-overlap rule then leaves no room for a transition agreement, and the reverse.
    /// </summary>
    public static (DateOnly Start, DateOnly End) PeriodOf(int year) => year switch
    {
        >= FirstCivilYear => (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)),
        TransitionYear => (new DateOnly(year, 9, 1), new DateOnly(year, 12, 31)),
        _ => (new DateOnly(year, 9, 1), new DateOnly(year + 1, 8, 31)),
    };

    /// <summary>The days whose facts (an envelope's start) belong to a year: its period, cut where the next one begins, so
    /// that no day counts twice.</summary>
    public static (DateOnly Start, DateOnly End) YearOf(int year)
    {
        var (start, end) = PeriodOf(year);
        var next = PeriodOf(year + 1).Start.AddDays(-1);
        return (start, end < next ? end : next);
    }

    /// <summary>How the periods run, as the pages say it (ADR 0009).</summary>
    public const string PeriodsNote = "Jusqu'à 2015-2016, les conventions financières suivent l'année scolaire (du 1er septembre au 31 août) ; depuis 2017, l'année civile. "
        + "La transition se fait comme en 2016 : la convention 2015-2016 est prolongée par avenant jusqu'au 31/12/2016 ; une convention de transition (du 01/09/2016 au 31/12/2016) "
        + "ne s'ouvre que si elle ne l'a pas été. Deux conventions d'un SPRO local ne se chevauchent jamais.";

    public bool Overlaps(DateOnly start, DateOnly end) => StartsOn <= end && start <= EndsOn;
}

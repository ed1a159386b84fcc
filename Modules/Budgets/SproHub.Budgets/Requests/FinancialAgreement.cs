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

    /// <summary>The days whose facts (an envelope's start) belong to a year: its period, cut where the next one begins, so
    /// that the last school year (2016-2017) and the first civil one (2017) never count the same day twice.</summary>
    public static (DateOnly Start, DateOnly End) YearOf(int year)
    {
        var (start, end) = PeriodOf(year);
        var next = PeriodOf(year + 1).Start.AddDays(-1);
        return (start, end < next ? end : next);
    }
}

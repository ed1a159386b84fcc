using SproHub.Shared.Data;
using SproHub.Shared.Errors;

namespace SproHub.Network.Coordinators;

/// <summary>
/// A local SPRO's coordinator for one school year, as its plenary meeting designated them. Designations are never
/// edited: the history of who coordinated when stays, a change during the year is a new designation.
/// </summary>
[CrossTerritory("Every local SPRO's coordinators are public (/annuaire/coordination, /api/network/coordinators), and work outside " +
    "any territory (the meetings' cadence alerts) asks IPersonDirectory for a territory's coordinators.")]
public sealed class CoordinatorDesignation
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required string TerritoryId { get; init; }
    /// <summary>The year the school year starts: 2016 for 2016-2017.</summary>
    public int SchoolYear { get; init; }
    public Guid PersonId { get; init; }
    public Guid StructureId { get; init; }
    public DateOnly PlenaryDate { get; init; }
    public string? MinutesReference { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
    public string? RecordedBy { get; init; }

    public static string SchoolYearLabel(int year) => $"{year}-{year + 1}";

    /// <summary>The school year a date belongs to (it starts on 1 September).</summary>
    public static int SchoolYearOf(DateOnly date) => date.Month >= 9 ? date.Year : date.Year - 1;

    /// <summary>
    /// The plenary that designates the coordinators of a school year sits « lors de chaque début d'année scolaire »
    /// (seed 001): within that school year, or just before its start (from June, when the directors meet), and has sat.
    /// </summary>
    public static void CheckPlenary(int schoolYear, DateOnly plenary, DateOnly today)
    {
        if (plenary > today)
            throw new RuleViolationException("plenaryDate", "pleniere-passee", "La plénière qui désigne le coordonnateur doit avoir eu lieu : sa date est dans le futur.");
        var earliest = new DateOnly(schoolYear, 6, 1);
        var latest = new DateOnly(schoolYear + 1, 8, 31);
        if (plenary < earliest || plenary > latest)
            throw new RuleViolationException("plenaryDate", "pleniere-de-l-annee",
                $"La plénière qui désigne le coordonnateur de {SchoolYearLabel(schoolYear)} se tient entre le {earliest:dd/MM/yyyy} et le {latest:dd/MM/yyyy}.");
    }
}

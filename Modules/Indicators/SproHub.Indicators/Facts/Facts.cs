using SproHub.Shared.Data;

namespace SproHub.Indicators.Facts;

/// <summary>Why the facts are cross-territory.</summary>
internal static class FactsAre
{
    public const string CrossTerritory = "Facts are written by the integration-event handlers (FactIngestor), which run outside any territory, and " +
        "rebuilt whole (RebuildFacts); the Région's rollups and comparisons read every territory's, and a territory's page names its own (DashboardFigures).";
}

/// <summary>A meeting of a local network as its latest <c>MeetingHeld</c> tells it (indicators 1 and 2).</summary>
[CrossTerritory(FactsAre.CrossTerritory)]
public sealed class MeetingFact : IVersioned
{
    public Guid MeetingId { get; set; }
    public required string TerritoryId { get; set; }
    public DateOnly Day { get; set; }
    public required string MeetingType { get; set; }
    public required string Subject { get; set; }
    public int InvitedStructures { get; set; }
    public int ParticipatingStructures { get; set; }
    /// <summary>When the fact was told: an older event arriving late never replaces a newer one.</summary>
    public DateTimeOffset OccurredAt { get; set; }
    /// <summary>The telling's event, which breaks a tie between two told at the same instant.</summary>
    public Guid EventId { get; set; }
    /// <summary>Two hosts writing the same fact at once: one retries rather than overwrite the other.</summary>
    public int Version { get; set; }
}

/// <summary>One contribution of a module to one of its declared indicators, kept by event so a repeat counts once.</summary>
[CrossTerritory(FactsAre.CrossTerritory)]
public sealed class CountFact
{
    public Guid EventId { get; set; }
    public required string Code { get; set; }
    public required string TerritoryId { get; set; }
    public DateOnly Day { get; set; }
    public decimal Delta { get; set; }
    public required string SourceId { get; set; }
}

/// <summary>The running total of one indicator in a territory and a year, kept beside its facts so that dashboards never add up events.</summary>
[CrossTerritory(FactsAre.CrossTerritory)]
public sealed class CountTotal : IVersioned
{
    public required string TerritoryId { get; set; }
    public required string Code { get; set; }
    public int Year { get; set; }
    public decimal Total { get; set; }
    public int Version { get; set; }
}

/// <summary>A local SPRO's subsidy for a year, as the Budgets module's events tell it (question 2).</summary>
[CrossTerritory(FactsAre.CrossTerritory)]
public sealed class BudgetFact : IVersioned
{
    public required string TerritoryId { get; set; }
    public int Year { get; set; }
    public decimal Granted { get; set; }
    public decimal Paid { get; set; }
    /// <summary>Known once the year is closed: what its locked statement says was spent.</summary>
    public decimal? Spent { get; set; }
    public DateTimeOffset GrantedAt { get; set; }
    public int Version { get; set; }
}

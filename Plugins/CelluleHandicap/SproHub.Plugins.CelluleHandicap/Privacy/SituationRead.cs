namespace SproHub.Plugins.CelluleHandicap.Privacy;

/// <summary>One reading of a young person's file, shown on the file itself (the core's audit log has it too).</summary>
public sealed class SituationRead
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid SituationId { get; init; }
    public required string ReaderUserId { get; init; }
    public required string ReaderName { get; init; }
    public DateTimeOffset ReadAt { get; init; }
    /// <summary>What was read: « fiche », « ordre du jour »...</summary>
    public required string What { get; init; }
}

/// <summary>What a purge of data past its retention period did, kept for the cell's coordinator.</summary>
public sealed class PurgeReport
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public string TerritoryId { get; init; } = "";
    public DateTimeOffset RanAt { get; init; }
    public int SituationsErased { get; init; }
    public int ReadsDeleted { get; init; }
    public DateOnly ClosedBefore { get; init; }
}

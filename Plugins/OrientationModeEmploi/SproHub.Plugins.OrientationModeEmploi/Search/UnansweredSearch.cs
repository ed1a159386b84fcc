namespace SproHub.Plugins.OrientationModeEmploi.Search;

/// <summary>
/// What reception staff looked for and the guide did not answer, grouped by the words typed: the coordinator's
/// list of questions to add. Cleared once handled.
/// </summary>
public sealed class UnansweredSearch
{
    public const int QueryMaxLength = 200;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required string TerritoryId { get; init; }
    /// <summary>The words as normalised for the search (accents and case removed): the grouping key.</summary>
    public required string Query { get; init; }
    public string LastTyped { get; set; } = "";
    public int Count { get; set; }
    public DateTimeOffset LastAt { get; set; }
}

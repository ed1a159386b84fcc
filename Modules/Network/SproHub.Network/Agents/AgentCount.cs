using SproHub.Shared.Data;

namespace SproHub.Network.Agents;

/// <summary>
/// How many agents a structure counted in a civil year: the denominators of the indicators on agents trained
/// (7, 7bis, 20) and on coordination time (24, 25).
/// </summary>
public sealed class AgentCount : IVersioned
{
    public Guid StructureId { get; init; }
    public int Year { get; init; }
    public required string TerritoryId { get; init; }
    public int Agents { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
    public int Version { get; set; }
}

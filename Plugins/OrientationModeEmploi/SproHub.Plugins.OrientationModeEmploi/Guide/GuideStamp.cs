namespace SproHub.Plugins.OrientationModeEmploi.Guide;

/// <summary>
/// Changes, in the same transaction, with every change to a territory's guide: a host keeps the guide ready
/// for searching in memory and reads only this to know whether its copy is still the guide (hosts side by side
/// stay right without telling each other).
/// </summary>
public sealed class GuideStamp
{
    public required string TerritoryId { get; init; }
    public Guid Value { get; set; }
}

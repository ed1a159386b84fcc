using SproHub.Shared.Data;

namespace SproHub.Plugins.OrientationModeEmploi.Themes;

/// <summary>A group of frequent questions (training, employment, disability...), in the territory's order.</summary>
public sealed class Theme : IVersioned
{
    public const int NameMaxLength = 120;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required string TerritoryId { get; init; }
    public required string Name { get; set; }
    public int Position { get; set; }
    public int Version { get; set; }
}

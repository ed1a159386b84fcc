using SproHub.Shared.Territories;

namespace SproHub.Network.Territories;

/// <summary>A node of Région &gt; département &gt; local SPRO &gt; basin, identified by a stable slug.</summary>
public sealed class Territory
{
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public TerritoryKind Kind { get; set; }
    public string? DepartmentCode { get; set; }
    public string? ParentSlug { get; set; }
    /// <summary>For a local SPRO: organised per department or per employment basin.</summary>
    public string? Organisation { get; set; }
    public int SortOrder { get; set; }

    public TerritoryInfo ToInfo() => new(Slug, Name, Kind, DepartmentCode, ParentSlug);
}

namespace SproHub.Shared.Territories;

public enum TerritoryKind { Region, Department, LocalSpro, Basin }

/// <summary>A node of Région &gt; département &gt; local SPRO &gt; basin. <see cref="Slug"/> is its stable id.</summary>
public sealed record TerritoryInfo(string Slug, string Name, TerritoryKind Kind, string? DepartmentCode, string? ParentSlug);

/// <summary>The territory of the current request or unit of background work.</summary>
public interface ITerritoryContext
{
    TerritoryInfo? Current { get; }

    /// <summary>Slug of the current territory, or null for Région-wide work.</summary>
    string? TerritoryId => Current?.Slug;

    /// <summary>For background work: run the rest of this scope in that territory.</summary>
    void Enter(TerritoryInfo territory);
}

/// <summary>Read-only contract implemented by the Network module.</summary>
public interface ITerritoryDirectory
{
    Task<IReadOnlyList<TerritoryInfo>> ListAsync(CancellationToken cancellationToken = default);
    Task<TerritoryInfo?> FindAsync(string slug, CancellationToken cancellationToken = default);
}

/// <summary>Whether a plugin is enabled in a territory; core modules always are.</summary>
public interface IModuleGate
{
    bool IsEnabled(string moduleId, string territoryId);
}

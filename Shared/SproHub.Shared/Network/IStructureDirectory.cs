namespace SproHub.Shared.Network;

/// <param name="Type">The member network in French (« Mission Locale », « CIO »...).</param>
public sealed record StructureInfo(Guid Id, string Name, string Type, string Town, string TerritoryId);

/// <summary>The member structures of the SPRO, read-only; implemented by the Network module.</summary>
public interface IStructureDirectory
{
    /// <summary>The structures of a local SPRO, by name.</summary>
    Task<IReadOnlyList<StructureInfo>> ListAsync(string territoryId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The structures that serve a whole department (Cap emploi, a departmental CIO...), of every local SPRO of the
    /// department this local SPRO belongs to: its local committees always invite them.
    /// </summary>
    Task<IReadOnlyList<StructureInfo>> DepartmentWideAsync(string territoryId, CancellationToken cancellationToken = default);

    /// <summary>Those of the given ids that exist, in any territory.</summary>
    Task<IReadOnlyList<StructureInfo>> FindAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default);
}

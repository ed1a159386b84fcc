namespace SproHub.Shared.Network;

public sealed record PersonInfo(Guid Id, string FirstName, string LastName, string? Email, string? Function, Guid StructureId)
{
    public string FullName => $"{FirstName} {LastName}";
}

/// <summary>
/// The agents of the member structures, read-only; implemented by the Network module. Internal data of the
/// network: callers show it only to those who may read their territory's internal data.
/// </summary>
public interface IPersonDirectory
{
    /// <summary>The agents of these structures, by structure then name.</summary>
    Task<IReadOnlyList<PersonInfo>> ListAsync(IReadOnlyCollection<Guid> structureIds, CancellationToken cancellationToken = default);

    /// <summary>Those of the given ids that exist.</summary>
    Task<IReadOnlyList<PersonInfo>> FindAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default);
}

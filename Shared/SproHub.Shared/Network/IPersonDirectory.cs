namespace SproHub.Shared.Network;

/// <param name="MaySign">Holds the right to sign agreements and amendments for the structure.</param>
public sealed record PersonInfo(Guid Id, string FirstName, string LastName, string? Email, string? Function, Guid StructureId, bool MaySign)
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

    /// <summary>The agents of a local SPRO's structures known by this e-mail (a signed-in person's own records).</summary>
    Task<IReadOnlyList<PersonInfo>> FindByEmailAsync(string territoryId, string email, CancellationToken cancellationToken = default);

    /// <summary>The Région's administrators (their accounts), to tell the Région of what needs its attention.</summary>
    Task<IReadOnlyList<Notifications.NotificationRecipient>> RegionAdministratorsAsync(CancellationToken cancellationToken = default);

    /// <summary>The coordinators designated for the school year under way on <paramref name="onDate"/> (the latest designation before it).</summary>
    Task<IReadOnlyList<PersonInfo>> CoordinatorsAsync(string territoryId, DateOnly onDate, CancellationToken cancellationToken = default);
}

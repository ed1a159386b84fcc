using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SproHub.Shared.Errors;

namespace SproHub.Shared.Data;

/// <summary>Something people edit: its <see cref="Version"/> is the optimistic-concurrency token.</summary>
public interface IVersioned
{
    int Version { get; set; }
}

/// <summary>Bumps <see cref="IVersioned.Version"/> on every update, on both providers (SQLite has no rowversion).</summary>
public sealed class VersionInterceptor : SaveChangesInterceptor
{
    public static readonly VersionInterceptor Instance = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Bump(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Bump(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Bump(DbContext? context)
    {
        if (context is null) return;
        foreach (var entry in context.ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Modified) entry.Entity.Version++;
            else if (entry.State == EntityState.Added && entry.Entity.Version == 0) entry.Entity.Version = 1;
        }
    }
}

/// <summary>A request that edits something people edit: it carries the version the person saw.</summary>
public interface IVersionedRequest
{
    int Version { get; }
}

public static class VersioningExtensions
{
    /// <summary>
    /// Refuses a stale edit: the caller's version must be the stored one. Also makes the UPDATE check it,
    /// so two edits racing past this line still cannot overwrite each other.
    /// </summary>
    public static void ExpectVersion<T>(this EntityEntry<T> entry, int expectedVersion) where T : class, IVersioned
    {
        if (entry.Entity.Version != expectedVersion)
            throw new ConflictException(
                $"Cet élément a été modifié par quelqu'un d'autre entre-temps (version {entry.Entity.Version}, vous aviez la version {expectedVersion}). Rechargez la page pour voir ses dernières valeurs.",
                "stale-version");
        entry.Property(e => e.Version).OriginalValue = expectedVersion;
    }
}

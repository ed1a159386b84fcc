using Microsoft.EntityFrameworkCore;
using SproHub.Shared.Events;

namespace SproHub.Shared.Audit;

/// <summary>The core's append-only audit log: every write, every enable/disable, every sensitive read.</summary>
public interface IAuditLog
{
    /// <summary>
    /// Records a write in the same transaction as the write itself: the entry waits in the module's outbox
    /// and reaches the log even if the process stops right after the commit. Call before SaveChanges.
    /// </summary>
    void Queue(DbContext moduleContext, AuditEntry entry);

    /// <summary>Records at once what writes nothing else (a read of sensitive data).</summary>
    Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken = default);
}

/// <param name="Action">What happened, e.g. <c>show.confirmed</c>.</param>
public sealed record AuditEntry(string ModuleId, string Action, string EntityType, string EntityId, string? TerritoryId, string? Details = null);

/// <summary>An audit entry travelling through a module's outbox, with who did it and when.</summary>
public sealed record AuditRecorded(Guid EventId, DateTimeOffset OccurredAt, string? UserId, string? UserName, AuditEntry Entry) : IIntegrationEvent;

namespace SproHub.Shared.Audit;

/// <summary>The core's append-only audit log: every write, every enable/disable, every sensitive read.</summary>
public interface IAuditLog
{
    Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken = default);
}

/// <param name="Action">What happened, e.g. <c>show.confirmed</c>.</param>
public sealed record AuditEntry(string ModuleId, string Action, string EntityType, string EntityId, string? TerritoryId, string? Details = null);

using MediatR;
using Microsoft.EntityFrameworkCore;
using SproHub.Host.Platform.Data;
using SproHub.Shared.Audit;
using SproHub.Shared.Data;
using SproHub.Shared.Security;

namespace SproHub.Host.Platform.Audit;

public sealed class AuditLog(PlatformDbContext platform, ICurrentUser user, TimeProvider clock) : IAuditLog
{
    public void Queue(DbContext moduleContext, AuditEntry entry)
    {
        var recorded = new AuditRecorded(Guid.NewGuid(), clock.GetUtcNow(), user.UserId, user.DisplayName, entry);
        // The platform's own writes share its context: the entry is saved with them.
        if (moduleContext is PlatformDbContext own) own.AuditLog.Add(AuditRecordedHandler.ToRecord(recorded));
        else moduleContext.AddIntegrationEvent(recorded);
    }

    public async Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        platform.AuditLog.Add(AuditRecordedHandler.ToRecord(new AuditRecorded(Guid.NewGuid(), clock.GetUtcNow(), user.UserId, user.DisplayName, entry)));
        await platform.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>Appends what the modules' outboxes deliver; a delivery seen twice is written once.</summary>
public sealed class AuditRecordedHandler(PlatformDbContext db) : INotificationHandler<AuditRecorded>
{
    public async Task Handle(AuditRecorded notification, CancellationToken cancellationToken)
    {
        if (await db.AuditLog.AnyAsync(a => a.EventId == notification.EventId, cancellationToken)) return;
        db.AuditLog.Add(ToRecord(notification));
        await db.SaveChangesAsync(cancellationToken);
    }

    public static AuditRecord ToRecord(AuditRecorded recorded) => new()
    {
        EventId = recorded.EventId,
        AtUtcTicks = recorded.OccurredAt.UtcTicks,
        UserId = recorded.UserId,
        UserName = recorded.UserName,
        ModuleId = recorded.Entry.ModuleId,
        Action = recorded.Entry.Action,
        EntityType = recorded.Entry.EntityType,
        EntityId = recorded.Entry.EntityId,
        TerritoryId = recorded.Entry.TerritoryId,
        Details = recorded.Entry.Details,
    };
}

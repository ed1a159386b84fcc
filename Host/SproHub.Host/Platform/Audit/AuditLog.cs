using SproHub.Host.Platform.Data;
using SproHub.Shared.Audit;
using SproHub.Shared.Security;

namespace SproHub.Host.Platform.Audit;

public sealed class AuditLog(PlatformDbContext db, ICurrentUser user, TimeProvider clock) : IAuditLog
{
    public async Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        db.AuditLog.Add(new AuditRecord
        {
            AtUtcTicks = clock.GetUtcNow().UtcTicks,
            UserId = user.UserId,
            UserName = user.DisplayName,
            ModuleId = entry.ModuleId,
            Action = entry.Action,
            EntityType = entry.EntityType,
            EntityId = entry.EntityId,
            TerritoryId = entry.TerritoryId,
            Details = entry.Details,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}

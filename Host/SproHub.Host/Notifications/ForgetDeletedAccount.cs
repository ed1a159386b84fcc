using MediatR;
using Microsoft.EntityFrameworkCore;
using SproHub.Host.Platform.Data;
using SproHub.Shared.Security;

namespace SproHub.Host.Notifications;

/// <summary>A deleted account's messages and preferences go with it (they carry its address and what was said to it).</summary>
public sealed class ForgetDeletedAccount(PlatformDbContext db) : INotificationHandler<AccountDeleted>
{
    public async Task Handle(AccountDeleted deleted, CancellationToken cancellationToken)
    {
        var email = NotificationRequestedHandler.Normalise(deleted.Email);
        await db.Notifications.Where(n => n.Email == email).ExecuteDeleteAsync(cancellationToken);
        await db.NotificationPreferences.Where(p => p.Email == email).ExecuteDeleteAsync(cancellationToken);
    }
}

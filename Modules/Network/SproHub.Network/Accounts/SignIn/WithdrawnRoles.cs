using Microsoft.EntityFrameworkCore;
using SproHub.Network.Data;

namespace SproHub.Network.Accounts.SignIn;

/// <summary>
/// Roles travel in cookies and tokens: withdrawing one renews the account's security stamp, so that whatever was issued
/// before is refused at its next check (within a minute), whichever code withdrew it.
/// </summary>
internal static class WithdrawnRoles
{
    public static async Task RenewStampsAsync(NetworkDbContext db, CancellationToken cancellationToken)
    {
        var userIds = db.ChangeTracker.Entries<RoleAssignment>()
            .Where(e => e.State is EntityState.Deleted or EntityState.Modified)
            .Select(e => e.OriginalValues.GetValue<string>(nameof(RoleAssignment.UserId)))
            .Distinct().ToList();
        foreach (var userId in userIds)
        {
            var user = await db.Users.FindAsync([userId], cancellationToken);
            if (user is null || db.Entry(user).State == EntityState.Deleted) continue;
            user.SecurityStamp = Guid.NewGuid().ToString();
            user.ConcurrencyStamp = Guid.NewGuid().ToString();
        }
    }
}

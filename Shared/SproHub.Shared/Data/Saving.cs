using Microsoft.EntityFrameworkCore;

namespace SproHub.Shared.Data;

public static class SavingExtensions
{
    /// <summary>
    /// Saves; a unique index refusing the write (the same thing sent twice at once, by two people or two tabs) is a
    /// 409 for the second sender, with the rule named, not an error. A stale version stays a version conflict.
    /// </summary>
    public static async Task SaveOrConflictAsync(this DbContext db, string message, string rule, CancellationToken cancellationToken)
    {
        try { await db.SaveChangesAsync(cancellationToken); }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new Errors.ConflictException(message, rule);
        }
    }
}

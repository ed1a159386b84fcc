using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.CelluleHandicap.Data;
using SproHub.Shared.Notifications;

namespace SproHub.Plugins.CelluleHandicap.Partners;

/// <summary>Whom the cell writes to: the representatives of its partners (or of one), each once.</summary>
internal static class CellRecipients
{
    public static async Task<IReadOnlyList<NotificationRecipient>> OfAsync(CelluleHandicapDbContext db, Guid? partnerId, CancellationToken cancellationToken)
    {
        var query = db.Partners.AsNoTracking().Include(p => p.Representatives).AsQueryable();
        if (partnerId is { } id) query = query.Where(p => p.Id == id);
        return (await query.ToListAsync(cancellationToken)).SelectMany(p => p.Representatives).DistinctBy(r => r.Email)
            .Select(r => new NotificationRecipient(r.Email, r.Name)).ToList();
    }
}

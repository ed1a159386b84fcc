using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.CelluleHandicap.Data;
using SproHub.Shared.Security;

namespace SproHub.Plugins.CelluleHandicap.Partners;

/// <summary>
/// Which of the cell's partners the signed-in person represents (matched by the account's e-mail), read once per
/// request. Holding a territory role is not enough to see a young person's situation: this is.
/// </summary>
public sealed class CellMembership(CelluleHandicapDbContext db, ICurrentUser user)
{
    private IReadOnlyList<Partner>? _mine;

    public async Task<IReadOnlyList<Partner>> MyPartnersAsync(CancellationToken cancellationToken)
    {
        if (_mine is not null) return _mine;
        var email = user.Email?.Trim().ToLowerInvariant();
        _mine = email is null ? [] : await db.Partners.AsNoTracking()
            .Where(p => p.Representatives.Any(r => r.Email == email)).ToListAsync(cancellationToken);
        return _mine;
    }

    public async Task<bool> RepresentsAsync(Guid partnerId, CancellationToken cancellationToken) =>
        (await MyPartnersAsync(cancellationToken)).Any(p => p.Id == partnerId);
}

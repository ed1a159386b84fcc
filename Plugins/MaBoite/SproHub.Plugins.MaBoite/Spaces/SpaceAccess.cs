using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.MaBoite.Data;
using SproHub.Shared.Errors;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.MaBoite.Spaces;

/// <summary>
/// The signed-in person's own space in this territory. Nobody else's: no role, not even the Région's, opens a space
/// that is not one's own (an adviser sees only what is shared with them).
/// </summary>
public sealed class SpaceAccess(MaBoiteDbContext db, ICurrentUser user, ITerritoryContext territory)
{
    public async Task<Space?> FindMineAsync(CancellationToken cancellationToken, bool track = false)
    {
        if (!user.IsAuthenticated || user.UserId is null) throw new NotAuthenticatedException("Connectez-vous pour ouvrir votre espace.");
        var spaces = track ? db.Spaces : db.Spaces.AsNoTracking();
        return await spaces.SingleOrDefaultAsync(s => s.OwnerUserId == user.UserId, cancellationToken);
    }

    public async Task<Space> MineAsync(CancellationToken cancellationToken, bool track = false) =>
        await FindMineAsync(cancellationToken, track)
        ?? throw new NotFoundException($"Vous n'avez pas encore d'espace ma boîte SPRO à {territory.Current?.Name} : ouvrez-le depuis sa page d'accueil.");
}

using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.ClipContests.Data;
using SproHub.Plugins.ClipContests.Editions;
using SproHub.Shared.Errors;
using SproHub.Shared.Security;

namespace SproHub.Plugins.ClipContests.Teams;

/// <summary>
/// A team's participants and project are read and changed by its lead and by the coordinator running the edition;
/// other agents see the team's name and size only. Another territory's team is not found (the query filter).
/// </summary>
internal sealed class TeamAccess(ClipContestsDbContext db, ICurrentUser user, SproHub.Shared.Audit.IAuditLog audit)
{
    public bool MayManage(Team team) => user.Can(ClipContestsModule.ManagePermission) || team.IsLedBy(user.Email);

    /// <summary>The team with its participants and edition, tracked, or 404 / 403.</summary>
    public async Task<(Team Team, Edition Edition)> ManagedAsync(Guid teamId, CancellationToken cancellationToken)
    {
        var team = await db.Teams.Include(t => t.Participants).Include(t => t.Permissions).Include(t => t.Clip).FirstOrDefaultAsync(t => t.Id == teamId, cancellationToken)
            ?? throw new NotFoundException("Équipe introuvable.");
        if (!MayManage(team)) throw new ForbiddenException("Seuls l'agent qui encadre l'équipe et la coordination du concours gèrent cette équipe.");
        var edition = await db.Editions.FirstAsync(e => e.Id == team.EditionId, cancellationToken);
        return (team, edition);
    }

    /// <summary>Participants' names and birth dates (minors among them) are read on the record: who, when, what.</summary>
    public Task AuditReadAsync(Team team, string what, CancellationToken cancellationToken) =>
        audit.RecordAsync(new SproHub.Shared.Audit.AuditEntry(ClipContestsModule.Id, "equipe.consultee", "equipe", team.Id.ToString(), team.TerritoryId, $"{team.Name} : {what}"), cancellationToken);
}

using MediatR;
using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.ClipContests.Data;
using SproHub.Plugins.ClipContests.Teams;
using SproHub.Shared.Errors;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.ClipContests.Editions;

public sealed record PartnerView(Guid StructureId, string StructureName, PartnerRole Role, string RoleLabel);

/// <param name="MayManage">The reader leads it or runs the edition: participants' names are theirs to read.</param>
public sealed record TeamSummary(Guid Id, string Name, string StructureName, string LeadName, int ParticipantCount, bool MayManage);

public sealed record EditionSummary(Guid Id, int Year, string Title, EditionPhase Phase, string PhaseLabel, int TeamCount);

public sealed record EditionView(Guid Id, int Year, string Title, IReadOnlyList<string> Themes, Calendar Calendar, EditionPhase Phase, string PhaseLabel,
    IReadOnlyList<PartnerView> Partners, IReadOnlyList<TeamSummary> Teams, int ParticipantCount, bool InJury, int Version)
{
    public static EditionView From(Edition e, IReadOnlyList<Team> teams, DateOnly today, ICurrentUser user, bool inJury = false)
    {
        var manages = user.Can(ClipContestsModule.ManagePermission);
        return new(e.Id, e.Year, e.Title, e.Themes, e.Calendar, e.PhaseOn(today), Edition.PhaseLabel(e.PhaseOn(today)),
            e.Partners.Select(p => new PartnerView(p.StructureId, p.StructureName, p.Role, EditionPartner.RoleLabel(p.Role))).ToList(),
            teams.OrderBy(t => t.Name).Select(t => new TeamSummary(t.Id, t.Name, t.StructureName, t.LeadName, t.Participants.Count, manages || t.IsLedBy(user.Email))).ToList(),
            teams.Sum(t => t.Participants.Count), inJury, e.Version);
    }
}

[RequiresPermission(ClipContestsModule.ReadPermission)]
public sealed record ListEditions : IRequest<IReadOnlyList<EditionSummary>>;

internal sealed class ListEditionsHandler(ClipContestsDbContext db, TimeProvider clock) : IRequestHandler<ListEditions, IReadOnlyList<EditionSummary>>
{
    public async Task<IReadOnlyList<EditionSummary>> Handle(ListEditions request, CancellationToken cancellationToken)
    {
        var editions = await db.Editions.AsNoTracking().OrderByDescending(e => e.Year).ToListAsync(cancellationToken);
        var teams = await db.Teams.AsNoTracking().GroupBy(t => t.EditionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var today = ParisTime.Today(clock);
        return editions.Select(e => new EditionSummary(e.Id, e.Year, e.Title, e.PhaseOn(today), Edition.PhaseLabel(e.PhaseOn(today)), teams.GetValueOrDefault(e.Id))).ToList();
    }
}

[RequiresPermission(ClipContestsModule.ReadPermission)]
public sealed record GetEdition(int Year) : IRequest<EditionView>;

internal sealed class GetEditionHandler(ClipContestsDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<GetEdition, EditionView>
{
    public async Task<EditionView> Handle(GetEdition request, CancellationToken cancellationToken)
    {
        var edition = await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Year == request.Year, cancellationToken)
            ?? throw new NotFoundException($"Aucune édition {request.Year} dans ce territoire.");
        var teams = await db.Teams.AsNoTracking().Include(t => t.Participants).Where(t => t.EditionId == edition.Id).ToListAsync(cancellationToken);
        var email = user.Email?.Trim().ToLowerInvariant();
        var inJury = email is not null && await db.JuryMembers.AnyAsync(m => m.EditionId == edition.Id && m.Email == email, cancellationToken);
        return EditionView.From(edition, teams, ParisTime.Today(clock), user, inJury);
    }
}

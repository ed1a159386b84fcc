using MediatR;
using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.ClipContests.Data;
using SproHub.Shared.Audit;
using SproHub.Shared.Data;
using SproHub.Shared.Errors;
using SproHub.Shared.Notifications;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.ClipContests.Jury;

/// <summary>
/// The coordinator closes the jury once every member has scored every clip they may score: the marks become final and
/// readable by the jury, and the ranking is computed. The president is told to confirm the prizes.
/// </summary>
[RequiresPermission(ClipContestsModule.ManagePermission)]
public sealed record CloseJury(int Year, int Version) : IRequest<Unit>, IVersionedRequest;

/// <summary>The jury's president confirms the top three (ordering only the clips the tie-break leaves equal); the prizes are then public.</summary>
[RequiresPermission(ClipContestsModule.JuryPermission)]
public sealed record ConfirmPrizes(int Year, IReadOnlyList<Guid>? Podium) : IRequest<IReadOnlyList<Prize>>;

internal sealed class PalmaresHandlers(ClipContestsDbContext db, JuryAccess access, INotifier notifier, IAuditLog audit, TimeProvider clock)
    : IRequestHandler<CloseJury, Unit>, IRequestHandler<ConfirmPrizes, IReadOnlyList<Prize>>
{
    public async Task<Unit> Handle(CloseJury request, CancellationToken cancellationToken)
    {
        var edition = await access.EditionAsync(request.Year, cancellationToken);
        db.Entry(edition).ExpectVersion(request.Version);
        var members = await access.MembersAsync(edition.Id, cancellationToken);
        if (members.Count == 0) throw new RuleViolationException("year", "jury-vide", "Invitez les membres du jury avant de le clore.");
        var clips = await access.CompetingAsync(edition.Id, cancellationToken);
        if (clips.Count == 0) throw new RuleViolationException("year", "aucun-clip", "Aucun clip n'est en compétition (déposé, avec toutes ses autorisations).");
        var ids = members.Select(m => m.Id).ToList();
        var conflicts = await access.ConflictsAsync(ids, cancellationToken);
        var scores = await access.ScoresAsync(ids, cancellationToken);
        var missing = members.Select(m => (m, count: clips.Count(c => Conflict.Between(m, c.Team, conflicts) is null && !scores.Any(s => s.JuryMemberId == m.Id && s.ClipId == c.Clip.Id))))
            .Where(x => x.count > 0).ToList();
        if (missing.Count > 0)
            throw new RuleViolationException("year", "notes-manquantes", "Le jury ne peut pas être clos : il manque des notes ("
                + string.Join(", ", missing.Select(x => $"{x.m.Name} : {x.count} clip{(x.count > 1 ? "s" : "")}")) + ").");
        var unscored = clips.Where(c => !scores.Any(s => s.ClipId == c.Clip.Id)).Select(c => c.Team.Name).ToList();
        if (unscored.Count > 0)
            throw new RuleViolationException("year", "notes-manquantes", $"Aucun juré ne peut noter le clip de {string.Join(", ", unscored)} : invitez un juré sans conflit.");
        edition.CloseJury(clock.GetUtcNow(), ParisTime.Today(clock));
        db.Entry(edition).State = EntityState.Modified;
        if (members.FirstOrDefault(m => m.IsPresident) is { } president)
            notifier.Queue(db, new Notification(ClipContestsModule.Id, ClipContestsModule.JuryKind, edition.TerritoryId, [new NotificationRecipient(president.Email, president.Name)],
                $"{edition.Title} {edition.Year} : le palmarès attend votre confirmation",
                $"Le jury est clos et le classement est calculé.\n\nEn tant que président du jury, confirmez les trois clips primés.",
                $"/t/{edition.TerritoryId}/clips/{edition.Year}/jury"));
        audit.Queue(db, new AuditEntry(ClipContestsModule.Id, "jury.clos", "edition", edition.Id.ToString(), edition.TerritoryId, $"{edition.Title} {edition.Year}"));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    public async Task<IReadOnlyList<Prize>> Handle(ConfirmPrizes request, CancellationToken cancellationToken)
    {
        var edition = await access.EditionAsync(request.Year, cancellationToken);
        var members = await access.MembersAsync(edition.Id, cancellationToken);
        var me = access.Member(members);
        if (!me.IsPresident) throw new ForbiddenException("Seul le président du jury confirme le palmarès.");
        if (edition.JuryClosedAt is null) throw new RuleViolationException("podium", "jury-ouvert", "Le palmarès se confirme une fois le jury clos.");
        var clips = await access.CompetingAsync(edition.Id, cancellationToken);
        var ranking = Ranking.Compute(edition.Criteria, clips.Select(c => (c.Clip.Id, c.Team.Id, c.Team.Name)), await access.ScoresAsync(members.Select(m => m.Id).ToList(), cancellationToken));
        var podium = request.Podium ?? [];
        if (!Ranking.Accepts(ranking, podium))
            throw new RuleViolationException("podium", "palmares-conforme",
                "Le palmarès suit le classement du jury ; seuls les clips à égalité sur tous les critères peuvent être départagés par le président.");
        var prizes = podium.Select(id => ranking.Single(r => r.ClipId == id)).Select((r, i) => new Prize { Rank = i + 1, ClipId = r.ClipId, TeamId = r.TeamId, TeamName = r.TeamName, Score = r.Mean }).ToList();
        edition.ConfirmPrizes(prizes, clock.GetUtcNow());
        db.Entry(edition).State = EntityState.Modified;
        var teams = clips.Where(c => prizes.Any(p => p.ClipId == c.Clip.Id)).ToList();
        foreach (var prize in prizes)
        {
            var team = teams.Single(c => c.Clip.Id == prize.ClipId).Team;
            notifier.Queue(db, new Notification(ClipContestsModule.Id, ClipContestsModule.JuryKind, edition.TerritoryId, [new NotificationRecipient(team.LeadEmail, team.LeadName)],
                $"{edition.Title} {edition.Year} : l'équipe « {team.Name} » obtient le {(prize.Rank == 1 ? "1er" : $"{prize.Rank}e")} prix",
                $"Le jury a confirmé son palmarès : le clip de l'équipe « {team.Name} » obtient le {(prize.Rank == 1 ? "premier" : prize.Rank == 2 ? "deuxième" : "troisième")} prix.\n\nLes attestations d'expérience des participants sont prêtes.",
                $"/t/{edition.TerritoryId}/clips/equipes/{team.Id}"));
        }
        audit.Queue(db, new AuditEntry(ClipContestsModule.Id, "palmares.confirme", "edition", edition.Id.ToString(), edition.TerritoryId,
            string.Join(", ", prizes.Select(p => $"{p.Rank}. {p.TeamName} ({p.Score:0.##}/20)"))));
        await db.SaveChangesAsync(cancellationToken);
        return prizes;
    }
}

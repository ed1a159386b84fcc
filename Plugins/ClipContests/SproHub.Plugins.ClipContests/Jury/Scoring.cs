using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.ClipContests.Data;
using SproHub.Shared.Audit;
using SproHub.Shared.Data;
using SproHub.Shared.Errors;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.ClipContests.Jury;

/// <summary>The coordinator sets the scoring grid (criteria and weights) until the jury opens.</summary>
[RequiresPermission(ClipContestsModule.ManagePermission)]
public sealed record ChangeGrid(int Year, IReadOnlyList<CriterionView>? Criteria) : IRequest<IReadOnlyList<CriterionView>>;

/// <summary>A member declares a tie to a team: they will not score its clip (a mark already given is withdrawn).</summary>
[RequiresPermission(ClipContestsModule.JuryPermission)]
public sealed record DeclareConflict(int Year, Guid TeamId, ConflictReason Reason, string? Note) : IRequest<Unit>;

public sealed class DeclareConflictValidator : AbstractValidator<DeclareConflict>
{
    public DeclareConflictValidator()
    {
        RuleFor(r => r.Reason).IsInEnum();
        RuleFor(r => r.Note).MaximumLength(Conflict.NoteMaxLength);
    }
}

/// <summary>A member scores a clip on each criterion of the grid, during the jury, never a clip they are in conflict with.</summary>
[RequiresPermission(ClipContestsModule.JuryPermission)]
public sealed record ScoreClip(int Year, Guid ClipId, IReadOnlyList<int>? Marks) : IRequest<Unit>;

internal sealed class ScoringHandlers(ClipContestsDbContext db, JuryAccess access, IAuditLog audit, TimeProvider clock)
    : IRequestHandler<ChangeGrid, IReadOnlyList<CriterionView>>, IRequestHandler<DeclareConflict, Unit>, IRequestHandler<ScoreClip, Unit>
{
    public async Task<IReadOnlyList<CriterionView>> Handle(ChangeGrid request, CancellationToken cancellationToken)
    {
        var edition = await access.EditionAsync(request.Year, cancellationToken);
        edition.ChangeGrid(Criterion.Check((request.Criteria ?? []).Select(c => (c.Name ?? "", c.Weight)).ToList()), ParisTime.Today(clock));
        db.Entry(edition).State = EntityState.Modified;
        audit.Queue(db, new AuditEntry(ClipContestsModule.Id, "grille.modifiee", "edition", edition.Id.ToString(), edition.TerritoryId,
            string.Join(", ", edition.Criteria.Select(c => $"{c.Name} {c.Weight}"))));
        await db.SaveChangesAsync(cancellationToken);
        return edition.Criteria.Select(c => new CriterionView(c.Name, c.Weight)).ToList();
    }

    public async Task<Unit> Handle(DeclareConflict request, CancellationToken cancellationToken)
    {
        var edition = await access.EditionAsync(request.Year, cancellationToken);
        if (edition.JuryClosedAt is not null) throw new RuleViolationException("teamId", "jury-clos", "Le jury est clos.");
        var me = access.Member(await access.MembersAsync(edition.Id, cancellationToken));
        var team = await db.Teams.Include(t => t.Clip).FirstOrDefaultAsync(t => t.Id == request.TeamId && t.EditionId == edition.Id, cancellationToken)
            ?? throw new NotFoundException("Équipe introuvable dans cette édition.");
        if (await db.Conflicts.AnyAsync(c => c.JuryMemberId == me.Id && c.TeamId == team.Id, cancellationToken)) return Unit.Value;
        db.Conflicts.Add(new Conflict { JuryMemberId = me.Id, TeamId = team.Id, Reason = request.Reason, Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(), DeclaredAt = clock.GetUtcNow() });
        if (team.Clip is not null) db.Scores.RemoveRange(db.Scores.Where(s => s.JuryMemberId == me.Id && s.ClipId == team.Clip.Id));
        audit.Queue(db, new AuditEntry(ClipContestsModule.Id, "jure.conflit-declare", "equipe", team.Id.ToString(), edition.TerritoryId,
            $"{me.Name} ne note pas « {team.Name} » : {Conflict.Label(request.Reason)}"));
        await db.SaveOrConflictAsync("Ce conflit d'intérêts vient d'être déclaré.", "conflit-unique", cancellationToken);
        return Unit.Value;
    }

    public async Task<Unit> Handle(ScoreClip request, CancellationToken cancellationToken)
    {
        var edition = await access.EditionAsync(request.Year, cancellationToken);
        var members = await access.MembersAsync(edition.Id, cancellationToken);
        var me = access.Member(members);
        edition.EnsureScoringOpen(ParisTime.Today(clock));
        var competing = (await access.CompetingAsync(edition.Id, cancellationToken)).FirstOrDefault(c => c.Clip.Id == request.ClipId)
            ?? throw new NotFoundException("Ce clip n'est pas en compétition dans cette édition (déposé, avec toutes ses autorisations).");
        if (Conflict.Between(me, competing.Team, await access.ConflictsAsync([me.Id], cancellationToken)) is { } reason)
            throw new RuleViolationException("clipId", "conflit-interets", $"Vous ne notez pas le clip de « {competing.Team.Name} » : {Conflict.Label(reason)}.");
        var marks = request.Marks ?? [];
        Score.Check(marks, edition.Criteria);
        var score = await db.Scores.FirstOrDefaultAsync(s => s.JuryMemberId == me.Id && s.ClipId == request.ClipId, cancellationToken);
        if (score is null) db.Scores.Add(score = new Score { JuryMemberId = me.Id, ClipId = request.ClipId });
        score.Marks = [.. marks];
        score.ScoredAt = clock.GetUtcNow();
        // The marks stay out of the audit trail: they are secret until the jury closes.
        audit.Queue(db, new AuditEntry(ClipContestsModule.Id, "jure.note", "clip", request.ClipId.ToString(), edition.TerritoryId, $"{me.Name} a noté « {competing.Team.Name} »"));
        await db.SaveOrConflictAsync("Votre note pour ce clip vient d'être enregistrée depuis une autre fenêtre : rechargez la page.", "note-unique", cancellationToken);
        return Unit.Value;
    }
}

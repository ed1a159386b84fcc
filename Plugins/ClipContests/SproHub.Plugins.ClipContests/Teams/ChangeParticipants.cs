using FluentValidation;
using MediatR;
using SproHub.Plugins.ClipContests.Data;
using SproHub.Shared.Audit;
using SproHub.Shared.Data;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.ClipContests.Teams;

/// <summary>Someone joins the team (never a sixth); the version read guards two leads editing at once.</summary>
[RequiresPermission(ClipContestsModule.LeadTeamPermission)]
public sealed record AddParticipant(Guid TeamId, ParticipantInput Participant, int Version) : IRequest<TeamView>, IVersionedRequest;

public sealed class AddParticipantValidator : AbstractValidator<AddParticipant>
{
    public AddParticipantValidator() => RuleFor(r => r.Participant).NotNull().SetValidator(new ParticipantInputValidator());
}

internal sealed class AddParticipantHandler(ClipContestsDbContext db, TeamAccess access, IAuditLog audit, TimeProvider clock) : IRequestHandler<AddParticipant, TeamView>
{
    public async Task<TeamView> Handle(AddParticipant request, CancellationToken cancellationToken)
    {
        var (team, edition) = await access.ManagedAsync(request.TeamId, cancellationToken);
        db.Entry(team).ExpectVersion(request.Version);
        var today = ParisTime.Today(clock);
        edition.EnsureRegistrationOpen(today);
        var participant = team.Add(request.Participant, today);
        db.Entry(team).State = Microsoft.EntityFrameworkCore.EntityState.Modified;
        db.Record(clock, ClipContestsModule.Indicators.Participants, team.TerritoryId, 1, participant.Id.ToString());
        audit.Queue(db, new AuditEntry(ClipContestsModule.Id, "participant.ajoute", "equipe", team.Id.ToString(), team.TerritoryId, $"{team.Name} : un participant de plus ({team.Participants.Count})"));
        await db.SaveChangesAsync(cancellationToken);
        return TeamView.From(team, edition, ParisTime.Today(clock));
    }
}

/// <summary>Someone leaves the team (never below three); their data goes with them.</summary>
[RequiresPermission(ClipContestsModule.LeadTeamPermission)]
public sealed record RemoveParticipant(Guid TeamId, Guid ParticipantId, int Version) : IRequest<TeamView>, IVersionedRequest;

internal sealed class RemoveParticipantHandler(ClipContestsDbContext db, TeamAccess access, IAuditLog audit, TimeProvider clock) : IRequestHandler<RemoveParticipant, TeamView>
{
    public async Task<TeamView> Handle(RemoveParticipant request, CancellationToken cancellationToken)
    {
        var (team, edition) = await access.ManagedAsync(request.TeamId, cancellationToken);
        db.Entry(team).ExpectVersion(request.Version);
        var participant = team.Remove(request.ParticipantId);
        db.Entry(team).State = Microsoft.EntityFrameworkCore.EntityState.Modified;
        db.Record(clock, ClipContestsModule.Indicators.Participants, team.TerritoryId, -1, participant.Id.ToString());
        audit.Queue(db, new AuditEntry(ClipContestsModule.Id, "participant.retire", "equipe", team.Id.ToString(), team.TerritoryId, $"{team.Name} : un participant de moins ({team.Participants.Count})"));
        await db.SaveChangesAsync(cancellationToken);
        return TeamView.From(team, edition, ParisTime.Today(clock));
    }
}

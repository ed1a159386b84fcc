using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SproHub.Governance.Data;
using SproHub.Shared.Audit;
using SproHub.Shared.Data;
using SproHub.Shared.Errors;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Governance.Meetings;

public sealed record FollowedAction(ActionView Action, string MeetingSubject, DateOnly MeetingDay);

/// <summary>The actions decided at the local SPRO's meetings, overdue first; members see those of published minutes.</summary>
[RequiresPermission(GovernanceModule.ReadPermission)]
public sealed record ListActions(bool OpenOnly = true) : IRequest<IReadOnlyList<FollowedAction>>;

[RequiresPermission(GovernanceModule.ManageMeetingsPermission)]
public sealed record SetActionDone(Guid Id, bool Done, int Version) : IRequest<ActionView>, IVersionedRequest;

internal sealed class FollowActionsHandlers(GovernanceDbContext db, ICurrentUser user, IAuditLog audit, TimeProvider clock)
    : IRequestHandler<ListActions, IReadOnlyList<FollowedAction>>, IRequestHandler<SetActionDone, ActionView>
{
    public async Task<IReadOnlyList<FollowedAction>> Handle(ListActions request, CancellationToken cancellationToken)
    {
        var organiser = user.Can(GovernanceModule.ManageMeetingsPermission);
        var rows = await (from a in db.Actions.AsNoTracking()
                          join m in db.Meetings.AsNoTracking() on a.MeetingId equals m.Id
                          where (!request.OpenOnly || a.DoneAt == null) && (organiser || m.MinutesPublishedAt != null)
                          orderby a.DueOn
                          select new { a, m.Subject, m.Day }).ToListAsync(cancellationToken);
        var today = ParisTime.Today(clock);
        return rows.Select(r => new FollowedAction(r.a.View(today), r.Subject, r.Day)).OrderByDescending(f => f.Action.Overdue).ThenBy(f => f.Action.DueOn).ToList();
    }

    public async Task<ActionView> Handle(SetActionDone request, CancellationToken cancellationToken)
    {
        var action = await db.Actions.FirstOrDefaultAsync(a => a.Id == request.Id, cancellationToken) ?? throw new NotFoundException("Cette action n'existe pas dans ce territoire.");
        db.Entry(action).ExpectVersion(request.Version);
        action.DoneAt = request.Done ? clock.GetUtcNow() : null;
        action.DoneBy = request.Done ? user.DisplayName : null;
        audit.Queue(db, new AuditEntry(GovernanceModule.Id, request.Done ? "action.faite" : "action.rouverte", "action", action.Id.ToString(), action.TerritoryId, action.What));
        await db.SaveChangesAsync(cancellationToken);
        return action.View(ParisTime.Today(clock));
    }
}

internal static class ActionEndpoints
{
    public sealed record DoneBody(bool Done, int Version);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/actions", async Task<Ok<IReadOnlyList<FollowedAction>>> (bool? openOnly, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ListActions(openOnly ?? true), ct))).WithSummary("Actions décidées en réunion, en retard d'abord (openOnly=false : toutes)");
        api.MapPut("/actions/{id:guid}/done", async Task<Ok<ActionView>> (Guid id, DoneBody body, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new SetActionDone(id, body.Done, body.Version), ct))).WithSummary("Marquer une action faite (ou la rouvrir)");
    }
}

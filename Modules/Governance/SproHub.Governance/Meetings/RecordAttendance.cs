using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SproHub.Governance.Data;
using SproHub.Shared.Audit;
using SproHub.Shared.Data;
using SproHub.Shared.Errors;
using SproHub.Shared.Events;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Governance.Meetings;

/// <summary>
/// Records who came, from the signed sheet: the people present, and the structures present through someone not
/// invited by name. The meeting is then held, and its attendance rate goes to the indicators.
/// </summary>
[RequiresPermission(GovernanceModule.ManageMeetingsPermission)]
public sealed record RecordAttendance(Guid Id, IReadOnlyList<Guid> PresentInviteeIds, IReadOnlyList<Guid> PresentStructureIds, int Version)
    : IRequest<MeetingDetail>, IVersionedRequest;

internal sealed class RecordAttendanceHandler(GovernanceDbContext db, IAuditLog audit, ICurrentUser user, TimeProvider clock) : IRequestHandler<RecordAttendance, MeetingDetail>
{
    public async Task<MeetingDetail> Handle(RecordAttendance request, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.LoadAsync(request.Id, cancellationToken);
        db.Entry(meeting).ExpectVersion(request.Version);
        if (meeting.Status == MeetingStatus.Cancelled)
            throw new RuleViolationException("status", "reunion-annulee", "Cette réunion est annulée : aucune présence à enregistrer.");
        if (!meeting.IsPast(clock.GetUtcNow()))
            throw new RuleViolationException("presentInviteeIds", "reunion-a-venir", "La réunion n'a pas encore commencé : les présences s'enregistrent le jour même ou après.");
        var strangers = request.PresentInviteeIds.Count(id => meeting.Invitees.All(i => i.Id != id));
        if (strangers > 0)
            throw new RuleViolationException("presentInviteeIds", "invite-de-la-reunion", $"{SproHub.Shared.Text.French.Count(strangers, "personne cochée n'est pas invitée", "personnes cochées ne sont pas invitées")} à cette réunion.");
        var notInvited = request.PresentStructureIds.Count(id => meeting.Structures.All(s => s.StructureId != id));
        if (notInvited > 0)
            throw new RuleViolationException("presentStructureIds", "structure-invitee", $"{SproHub.Shared.Text.French.Count(notInvited, "structure cochée n'est pas invitée", "structures cochées ne sont pas invitées")} à cette réunion.");

        foreach (var invitee in meeting.Invitees) invitee.Present = request.PresentInviteeIds.Contains(invitee.Id);
        foreach (var structure in meeting.Structures) structure.Participated = request.PresentStructureIds.Contains(structure.StructureId);
        var corrected = meeting.Status == MeetingStatus.Held;
        meeting.Status = MeetingStatus.Held;
        meeting.UpdatedAt = clock.GetUtcNow();
        meeting.UpdatedBy = user.DisplayName;
        var rate = meeting.CountAttendance();
        // Indicators 1 and 2 count the local networks' meetings; the Région's meeting of the coordinators is not one of them.
        if (meeting.Type != MeetingType.RegionalCoordinators)
            db.AddIntegrationEvent(new MeetingHeld(Guid.NewGuid(), clock.GetUtcNow(), meeting.TerritoryId, meeting.Id, meeting.Type.ToString(), meeting.Subject, meeting.Day,
                rate.Invited, rate.Participating));
        audit.Queue(db, new AuditEntry(GovernanceModule.Id, corrected ? "reunion.presences-corrigees" : "reunion.presences-enregistrees", "reunion", meeting.Id.ToString(), meeting.TerritoryId,
            $"{SproHub.Shared.Text.French.Count(rate.Participating, "structure présente", "structures présentes")} sur {rate.Invited}"));
        await db.SaveChangesAsync(cancellationToken);
        return meeting.Detail(ParisTime.Today(clock), withMinutes: true);
    }
}

internal static class AttendanceEndpoints
{
    public sealed record AttendanceBody(IReadOnlyList<Guid> PresentInviteeIds, IReadOnlyList<Guid>? PresentStructureIds, int Version);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/meetings/{id:guid}/attendance", async Task<Ok<MeetingDetail>> (Guid id, AttendanceBody body, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new RecordAttendance(id, body.PresentInviteeIds ?? [], body.PresentStructureIds ?? [], body.Version), ct)))
            .WithSummary("Enregistrer les présences (personnes et structures) d'après la feuille d'émargement");
}

using FluentValidation;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SproHub.Governance.Data;
using SproHub.Shared.Audit;
using SproHub.Shared.Data;
using SproHub.Shared.Errors;
using SproHub.Shared.Notifications;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;
using SproHub.Shared.Text;

namespace SproHub.Governance.Meetings;

/// <summary>
/// Sends the invitation by e-mail to every invited person, with the meeting as an iCalendar attachment and a
/// personal link to answer. Sent again after a change, it updates the event in their calendars.
/// </summary>
[RequiresPermission(GovernanceModule.ManageMeetingsPermission)]
public sealed record SendInvitations(Guid Id, int Version) : IRequest<MeetingDetail>, IVersionedRequest;

/// <summary>Cancels a meeting not yet held; those invited are told, and their calendars drop it.</summary>
[RequiresPermission(GovernanceModule.ManageMeetingsPermission)]
public sealed record CancelMeeting(Guid Id, string Reason, int Version) : IRequest<MeetingDetail>, IVersionedRequest;

public sealed class CancelMeetingValidator : AbstractValidator<CancelMeeting>
{
    public CancelMeetingValidator() => RuleFor(r => r.Reason).NotEmpty().WithMessage("Indiquez la raison de l'annulation : elle est envoyée aux invités.").MaximumLength(500);
}

internal sealed class SendInvitationsHandlers(GovernanceDbContext db, ITerritoryContext territory, INotifier notifier, IAuditLog audit, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<SendInvitations, MeetingDetail>, IRequestHandler<CancelMeeting, MeetingDetail>
{
    public async Task<MeetingDetail> Handle(SendInvitations request, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.LoadAsync(request.Id, cancellationToken);
        db.Entry(meeting).ExpectVersion(request.Version);
        if (meeting.Status is MeetingStatus.Held or MeetingStatus.Cancelled)
            throw new RuleViolationException("status", "reunion-close", $"Cette réunion est {MeetingLabels.Of(meeting.Status)} : plus d'invitation.");
        if (meeting.IsPast(clock.GetUtcNow()))
            throw new RuleViolationException("startsAt", "reunion-passee", "La réunion a déjà commencé : les invitations ne partent plus.");
        if (meeting.Invitees.Count == 0)
            throw new RuleViolationException("invitees", "invites-nominatifs", "Aucun agent des structures invitées n'a d'adresse e-mail : ajoutez-en dans « Agents des structures ».");

        meeting.Status = MeetingStatus.Invited;
        meeting.InvitationsSentAt = clock.GetUtcNow();
        meeting.InvitationSequence++;
        Touch(meeting);
        var when = MeetingCalendar.When(meeting);
        var details = $"Quand : {when}\n{(meeting.Place is null ? "" : $"Où : {meeting.Place}\n")}{(meeting.VideoLink is null ? "" : $"Visioconférence : {meeting.VideoLink}\n")}\n"
            + $"Ordre du jour :\n{string.Join("\n", meeting.Agenda.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l => $"- {l}"))}\n\n"
            + "Merci d'indiquer si vous viendrez en suivant le lien ci-dessous. L'invitation est jointe pour votre agenda.";
        var calendar = new NotificationAttachment("invitation.ics", "text/calendar; method=REQUEST; charset=utf-8", MeetingCalendar.Write(meeting, territory.Current!.Name, CalendarMethods.Request, user.Email));
        // Those invited before hear of a change; those added since, of an invitation.
        foreach (var (updated, invitees) in meeting.Invitees.GroupBy(i => i.InvitedAt is not null).Select(g => (g.Key, g.ToList())))
            notifier.Queue(db, new Notification(GovernanceModule.Id, GovernanceModule.InvitationKind, meeting.TerritoryId,
                invitees.Select(i => new NotificationRecipient(i.Email, i.Name, $"/reunions/reponse/{i.ReplyToken}")).ToList(),
                $"{(updated ? "Modification" : "Invitation")} : {MeetingLabels.Of(meeting.Type)} du {when}",
                (updated ? $"La réunion « {meeting.Subject} » du réseau {territory.Current!.Name} a été modifiée." : $"Le réseau {territory.Current!.Name} vous invite à la réunion « {meeting.Subject} ».") + "\n\n" + details,
                Attachments: [calendar]));
        foreach (var invitee in meeting.Invitees) invitee.InvitedAt ??= clock.GetUtcNow();
        audit.Queue(db, new AuditEntry(GovernanceModule.Id, "reunion.invitations-envoyees", "reunion", meeting.Id.ToString(), meeting.TerritoryId, SproHub.Shared.Text.French.Count(meeting.Invitees.Count, "invitation envoyée", "invitations envoyées")));
        await db.SaveChangesAsync(cancellationToken);
        return meeting.Detail(ParisTime.Today(clock), withMinutes: true);
    }

    public async Task<MeetingDetail> Handle(CancelMeeting request, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.LoadAsync(request.Id, cancellationToken);
        db.Entry(meeting).ExpectVersion(request.Version);
        if (meeting.Status is MeetingStatus.Held or MeetingStatus.Cancelled)
            throw new RuleViolationException("status", "reunion-close", $"Cette réunion est déjà {MeetingLabels.Of(meeting.Status)}.");
        var invited = meeting.InvitationsSentAt is not null;
        meeting.Status = MeetingStatus.Cancelled;
        meeting.InvitationSequence++;
        Touch(meeting);
        if (invited)
            notifier.Queue(db, new Notification(GovernanceModule.Id, GovernanceModule.InvitationKind, meeting.TerritoryId,
                meeting.Invitees.Select(i => new NotificationRecipient(i.Email, i.Name)).ToList(),
                $"Annulation : {MeetingLabels.Of(meeting.Type)} du {MeetingCalendar.When(meeting)}",
                $"La réunion « {meeting.Subject} » du {MeetingCalendar.When(meeting)} est annulée.\n\nRaison : {request.Reason.Trim()}",
                $"/t/{meeting.TerritoryId}/reunions/{meeting.Id}",
                [new NotificationAttachment("annulation.ics", "text/calendar; method=CANCEL; charset=utf-8", MeetingCalendar.Write(meeting, territory.Current!.Name, CalendarMethods.Cancel, user.Email))]));
        audit.Queue(db, new AuditEntry(GovernanceModule.Id, "reunion.annulee", "reunion", meeting.Id.ToString(), meeting.TerritoryId, request.Reason.Trim()));
        await db.SaveChangesAsync(cancellationToken);
        return meeting.Detail(ParisTime.Today(clock), withMinutes: true);
    }

    private void Touch(Meeting meeting)
    {
        meeting.UpdatedAt = clock.GetUtcNow();
        meeting.UpdatedBy = user.DisplayName;
    }
}

/// <summary>A meeting as an iCalendar event (RFC 5545): same UID at every sending, a growing SEQUENCE.</summary>
public static class MeetingCalendar
{
    public static string When(Meeting meeting)
    {
        var start = TimeZoneInfo.ConvertTime(meeting.StartsAt, ParisTime.Zone);
        return $"{start.ToFrench("dddd d MMMM yyyy 'à' HH'h'mm")}";
    }

    /// <param name="organiser">The e-mail of the person who sends it; calendars answer and update by it.</param>
    public static string Write(Meeting meeting, string territoryName, string method, string? organiser = null)
    {
        var calendar = new Calendar { ProductId = "-//SPRO Hub//Gouvernance//FR", Method = method };
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone("Europe/Paris"));
        calendar.Events.Add(new CalendarEvent
        {
            Organizer = organiser is null ? null : new Organizer($"mailto:{organiser}") { CommonName = $"Coordination {territoryName}" },
            Attendees = meeting.Invitees.Select(i => new Attendee($"mailto:{i.Email}") { CommonName = i.Name, Rsvp = true, ParticipationStatus = "NEEDS-ACTION", Role = "REQ-PARTICIPANT" }).ToList(),
            Uid = $"{meeting.Id}@sprohub.governance",
            Sequence = meeting.InvitationSequence,
            Summary = $"{MeetingLabels.Of(meeting.Type)} — {meeting.Subject}",
            Description = $"Réseau {territoryName}.\nOrdre du jour :\n{meeting.Agenda}" + (meeting.VideoLink is null ? "" : $"\nVisioconférence : {meeting.VideoLink}"),
            Location = meeting.Place ?? meeting.VideoLink,
            Start = new CalDateTime(TimeZoneInfo.ConvertTime(meeting.StartsAt, ParisTime.Zone).DateTime, "Europe/Paris"),
            End = new CalDateTime(TimeZoneInfo.ConvertTime(meeting.EndsAt, ParisTime.Zone).DateTime, "Europe/Paris"),
            Status = meeting.Status == MeetingStatus.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
        });
        return new CalendarSerializer().SerializeToString(calendar)!;
    }
}

internal static class InvitationEndpoints
{
    public sealed record VersionBody(int Version);
    public sealed record CancelBody(string Reason, int Version);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/meetings/{id:guid}/invitations", async Task<Ok<MeetingDetail>> (Guid id, VersionBody body, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new SendInvitations(id, body.Version), ct))).WithSummary("Envoyer (ou renvoyer après modification) les invitations par e-mail, avec l'invitation iCal");
        api.MapPost("/meetings/{id:guid}/cancellation", async Task<Ok<MeetingDetail>> (Guid id, CancelBody body, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new CancelMeeting(id, body.Reason, body.Version), ct))).WithSummary("Annuler une réunion ; les invités sont prévenus");
        api.MapGet("/meetings/{id:guid}/invitation.ics", async (Guid id, IMediator mediator, ITerritoryContext territory, GovernanceDbContext db, CancellationToken ct) =>
        {
            await mediator.Send(new GetMeeting(id), ct); // the read permission and the territory, as for the meeting itself
            var meeting = await db.Meetings.LoadAsync(id, ct);
            return TypedResults.Text(MeetingCalendar.Write(meeting, territory.Current!.Name, CalendarMethods.Publish), "text/calendar; charset=utf-8");
        }).WithSummary("La réunion au format iCal, pour l'ajouter à un agenda");
    }
}

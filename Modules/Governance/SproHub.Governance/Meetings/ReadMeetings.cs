using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SproHub.Governance.Data;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Governance.Meetings;

/// <summary>The current local SPRO's meetings, newest first; a civil year narrows them.</summary>
[RequiresPermission(GovernanceModule.ReadPermission)]
public sealed record ListMeetings(int? Year = null) : IRequest<IReadOnlyList<MeetingSummary>>;

[RequiresPermission(GovernanceModule.ReadPermission)]
public sealed record GetMeeting(Guid Id) : IRequest<MeetingDetail>;

internal sealed class ReadMeetingsHandlers(GovernanceDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<ListMeetings, IReadOnlyList<MeetingSummary>>, IRequestHandler<GetMeeting, MeetingDetail>
{
    public async Task<IReadOnlyList<MeetingSummary>> Handle(ListMeetings request, CancellationToken cancellationToken)
    {
        var query = db.Meetings.AsNoTracking();
        if (request.Year is { } year)
        {
            var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1));
            query = query.Where(m => m.Day >= from && m.Day < to);
        }
        // The rate needs counts only: the structures and the people present, not whole rows.
        var rows = await query.OrderByDescending(m => m.Day).Select(m => new
        {
            Meeting = m,
            Invited = m.Structures.Count,
            Participating = m.Structures.Count(s => s.Participated || m.Invitees.Any(i => i.StructureId == s.StructureId && i.Present)),
        }).ToListAsync(cancellationToken);
        return rows.OrderByDescending(r => r.Meeting.StartsAt).Select(r =>
        {
            var rate = new AttendanceRate(r.Invited, r.Participating);
            var m = r.Meeting;
            return new MeetingSummary(m.Id, m.Type, MeetingLabels.Of(m.Type), m.Subject, m.StartsAt, m.EndsAt, m.Place, m.VideoLink, m.Status, MeetingLabels.Of(m.Status),
                rate.Invited, rate.Participating, m.Status == MeetingStatus.Held ? rate.Percent : null, m.MinutesPublishedAt is not null, m.Version);
        }).ToList();
    }

    public async Task<MeetingDetail> Handle(GetMeeting request, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.AsNoTracking().LoadAsync(request.Id, cancellationToken);
        var organiser = user.Can(GovernanceModule.ManageMeetingsPermission);
        return meeting.Detail(ParisTime.Today(clock), withMinutes: organiser || meeting.MinutesPublishedAt is not null);
    }
}

internal static class ReadEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/meetings", async Task<Ok<IReadOnlyList<MeetingSummary>>> (int? year, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ListMeetings(year), ct))).WithSummary("Réunions du réseau local (année civile facultative)");
        api.MapGet("/meetings/{id:guid}", async Task<Ok<MeetingDetail>> (Guid id, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetMeeting(id), ct))).WithSummary("Une réunion : invités, réponses, présences, compte rendu et actions");
    }
}

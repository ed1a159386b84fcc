using FluentValidation;
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

public sealed class ListMeetingsValidator : AbstractValidator<ListMeetings>
{
    public ListMeetingsValidator() => RuleFor(r => r.Year).InclusiveBetween(2000, 2100).WithMessage("L'année va de 2000 à 2100.");
}

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
        var rows = await query.OrderByDescending(m => m.Day).Select(MeetingMapping.Row).ToListAsync(cancellationToken);
        return rows.OrderByDescending(m => m.StartsAt).Select(m => m.Summary()).ToList();
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

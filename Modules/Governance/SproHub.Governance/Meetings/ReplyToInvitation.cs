using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SproHub.Governance.Data;
using SproHub.Shared.Errors;

namespace SproHub.Governance.Meetings;

public sealed record InvitationView(string InviteeName, string StructureName, string Subject, string TypeLabel, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    string? Place, string? VideoLink, string Agenda, MeetingStatus Status, InvitationReply Reply, string ReplyLabel);

/// <summary>
/// What the personal link of an invitation shows: the invited person answers without an account. The token is
/// the only key (unguessable, one per person and meeting), so this read crosses territories on purpose.
/// </summary>
public sealed record GetInvitation(string Token) : IRequest<InvitationView>;

public sealed record ReplyToInvitation(string Token, InvitationReply Reply) : IRequest<InvitationView>;

public sealed class ReplyToInvitationValidator : AbstractValidator<ReplyToInvitation>
{
    public ReplyToInvitationValidator() =>
        RuleFor(r => r.Reply).Must(r => r is InvitationReply.WillAttend or InvitationReply.Excused).WithErrorCode("reponse")
            .WithMessage("Répondez « WillAttend » (présent) ou « Excused » (excusé).");
}

internal sealed class ReplyHandlers(GovernanceDbContext db, TimeProvider clock) : IRequestHandler<GetInvitation, InvitationView>, IRequestHandler<ReplyToInvitation, InvitationView>
{
    public async Task<InvitationView> Handle(GetInvitation request, CancellationToken cancellationToken)
    {
        var (meeting, invitee) = await FindAsync(request.Token, cancellationToken);
        return View(meeting, invitee);
    }

    public async Task<InvitationView> Handle(ReplyToInvitation request, CancellationToken cancellationToken)
    {
        var (meeting, invitee) = await FindAsync(request.Token, cancellationToken);
        if (meeting.Status is MeetingStatus.Held or MeetingStatus.Cancelled || meeting.IsPast(clock.GetUtcNow()))
            throw new RuleViolationException("reply", "reunion-close", meeting.Status == MeetingStatus.Cancelled ? "Cette réunion est annulée." : "Cette réunion a eu lieu : la réponse n'est plus possible.");
        invitee.Reply = request.Reply;
        invitee.RepliedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return View(meeting, invitee);
    }

    private async Task<(Meeting, Invitee)> FindAsync(string token, CancellationToken cancellationToken)
    {
        var invitee = await db.Invitees.FirstOrDefaultAsync(i => i.ReplyToken == token, cancellationToken)
                      ?? throw new NotFoundException("Ce lien d'invitation n'est pas valide.");
        var meeting = await db.Meetings.IgnoreQueryFilters().Include(m => m.Structures).FirstAsync(m => m.Id == invitee.MeetingId, cancellationToken);
        return (meeting, invitee);
    }

    private static InvitationView View(Meeting m, Invitee i) =>
        new(i.Name, m.Structures.FirstOrDefault(s => s.StructureId == i.StructureId)?.Name ?? "", m.Subject, MeetingLabels.Of(m.Type), m.StartsAt, m.EndsAt,
            m.Place, m.VideoLink, m.Agenda, m.Status, i.Reply, MeetingLabels.Of(i.Reply));
}

internal static class ReplyEndpoints
{
    public sealed record ReplyBody(InvitationReply Reply);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/invitations/{token}", async Task<Ok<InvitationView>> (string token, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetInvitation(token), ct))).WithSummary("Une invitation, par le lien personnel reçu par e-mail").AllowAnonymous();
        api.MapPut("/invitations/{token}/reply", async Task<Ok<InvitationView>> (string token, ReplyBody body, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ReplyToInvitation(token, body.Reply), ct))).WithSummary("Répondre à une invitation : présent ou excusé").AllowAnonymous();
    }
}

using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SproHub.Governance.Data;
using SproHub.Shared.Audit;
using SproHub.Shared.Data;
using SproHub.Shared.Errors;
using SproHub.Shared.Network;
using SproHub.Shared.Notifications;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Governance.Meetings;

/// <param name="Id">An action already recorded keeps its id (and whether it is done); a new one has none.</param>
public sealed record ActionLine(Guid? Id, string What, string Who, Guid? StructureId, DateOnly DueOn);

/// <summary>
/// The minutes (<i>compte rendu</i>) of a held meeting: text in Markdown, the decisions, and the actions (who, what,
/// by when). Published, they are sent to every agent of the local SPRO and shown to its members.
/// </summary>
[RequiresPermission(GovernanceModule.ManageMeetingsPermission)]
public sealed record WriteMinutes(Guid Id, string Minutes, IReadOnlyList<string> Decisions, IReadOnlyList<ActionLine> Actions, bool Publish, int Version)
    : IRequest<MeetingDetail>, IVersionedRequest;

public sealed class WriteMinutesValidator : AbstractValidator<WriteMinutes>
{
    public WriteMinutesValidator()
    {
        RuleFor(r => r.Minutes).NotEmpty().WithMessage("Rédigez le compte rendu.").MaximumLength(20000);
        RuleFor(r => r.Decisions).NotNull();
        RuleForEach(r => r.Decisions).NotEmpty().WithMessage("Une décision ne peut pas être vide.").MaximumLength(1000);
        RuleFor(r => r.Actions).NotNull();
        RuleForEach(r => r.Actions).ChildRules(a =>
        {
            a.RuleFor(x => x.What).NotEmpty().WithMessage("Indiquez ce qui est à faire.").MaximumLength(500);
            a.RuleFor(x => x.Who).NotEmpty().WithMessage("Indiquez qui s'en charge.").MaximumLength(200);
            a.RuleFor(x => x.DueOn).NotEmpty().WithMessage("Indiquez l'échéance.");
        });
    }
}

internal sealed class WriteMinutesHandler(GovernanceDbContext db, ITerritoryContext territory, IStructureDirectory structures, IPersonDirectory people,
    INotifier notifier, IAuditLog audit, ICurrentUser user, TimeProvider clock) : IRequestHandler<WriteMinutes, MeetingDetail>
{
    public async Task<MeetingDetail> Handle(WriteMinutes request, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.LoadAsync(request.Id, cancellationToken);
        db.Entry(meeting).ExpectVersion(request.Version);
        if (meeting.Status != MeetingStatus.Held)
            throw new RuleViolationException("minutes", "reunion-tenue", "Enregistrez d'abord les présences : le compte rendu suit la réunion tenue.");
        for (var i = 0; i < request.Actions.Count; i++)
        {
            var line = request.Actions[i];
            if (line.DueOn < meeting.Day)
                throw new RuleViolationException($"actions[{i}].dueOn", "echeance-apres-reunion", "L'échéance d'une action suit la réunion qui la décide.");
            if (line.StructureId is { } s && meeting.Structures.All(x => x.StructureId != s) && (await structures.FindAsync([s], cancellationToken)).All(x => x.TerritoryId != meeting.TerritoryId))
                throw new RuleViolationException($"actions[{i}].structureId", "structure-du-territoire", "La structure en charge d'une action appartient à ce SPRO local.");
            if (line.Id is { } id && meeting.Actions.All(a => a.Id != id))
                throw new RuleViolationException($"actions[{i}].id", "action-de-la-reunion", "Cette action n'appartient pas à cette réunion.");
        }

        meeting.Minutes = request.Minutes.Trim();
        meeting.Decisions.Clear();
        meeting.Decisions.AddRange(request.Decisions.Select((text, i) => new Decision { MeetingId = meeting.Id, Order = i + 1, Text = text.Trim() }));
        var kept = request.Actions.Where(a => a.Id is not null).Select(a => a.Id!.Value).ToHashSet();
        meeting.Actions.RemoveAll(a => !kept.Contains(a.Id));
        foreach (var line in request.Actions)
        {
            var action = line.Id is { } id ? meeting.Actions.Single(a => a.Id == id) : null;
            if (action is null) meeting.Actions.Add(action = new MeetingAction { MeetingId = meeting.Id, TerritoryId = meeting.TerritoryId, What = "", Who = "" });
            action.What = line.What.Trim();
            action.Who = line.Who.Trim();
            action.StructureId = line.StructureId;
            action.DueOn = line.DueOn;
        }
        meeting.UpdatedAt = clock.GetUtcNow();
        meeting.UpdatedBy = user.DisplayName;
        if (request.Publish && meeting.MinutesPublishedAt is null)
        {
            meeting.MinutesPublishedAt = clock.GetUtcNow();
            await NotifyNetworkAsync(meeting, cancellationToken);
        }
        audit.Queue(db, new AuditEntry(GovernanceModule.Id, request.Publish ? "reunion.compte-rendu-publie" : "reunion.compte-rendu-enregistre", "reunion", meeting.Id.ToString(), meeting.TerritoryId,
            $"{SproHub.Shared.Text.French.Count(meeting.Decisions.Count, "décision", "décisions")}, {SproHub.Shared.Text.French.Count(meeting.Actions.Count, "action", "actions")}"));
        await db.SaveChangesAsync(cancellationToken);
        return meeting.Detail(ParisTime.Today(clock), withMinutes: true);
    }

    /// <summary>Every agent of the local SPRO's structures hears of it: the coordinators' duty to pass information on.</summary>
    private async Task NotifyNetworkAsync(Meeting meeting, CancellationToken cancellationToken)
    {
        var ofTerritory = await structures.ListAsync(meeting.TerritoryId, cancellationToken);
        var agents = NotificationRecipients.Of(await people.ListAsync(ofTerritory.Select(s => s.Id).ToList(), cancellationToken));
        if (agents.Count == 0) return;
        var actions = meeting.Actions.OrderBy(a => a.DueOn).Select(a => $"- {a.What} ({a.Who}, pour le {a.DueOn:dd/MM/yyyy})");
        notifier.Queue(db, new Notification(GovernanceModule.Id, GovernanceModule.MinutesKind, meeting.TerritoryId,
            agents,
            $"Compte rendu : {MeetingLabels.Of(meeting.Type)} du {meeting.Day:dd/MM/yyyy}",
            $"Le compte rendu de la réunion « {meeting.Subject} » du réseau {territory.Current!.Name} est publié.\n\n"
            + (meeting.Decisions.Count == 0 ? "" : $"Décisions :\n{string.Join("\n", meeting.Decisions.OrderBy(d => d.Order).Select(d => $"- {d.Text}"))}\n\n")
            + (meeting.Actions.Count == 0 ? "" : $"Actions :\n{string.Join("\n", actions)}\n\n")
            + "Le compte rendu complet est dans SPRO Hub.",
            $"/t/{meeting.TerritoryId}/reunions/{meeting.Id}"));
    }
}

internal static class MinutesEndpoints
{
    public sealed record MinutesBody(string Minutes, IReadOnlyList<string>? Decisions, IReadOnlyList<ActionLine>? Actions, bool Publish, int Version);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/meetings/{id:guid}/minutes", async Task<Ok<MeetingDetail>> (Guid id, MinutesBody body, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new WriteMinutes(id, body.Minutes, body.Decisions ?? [], body.Actions ?? [], body.Publish, body.Version), ct)))
            .WithSummary("Rédiger le compte rendu (Markdown), ses décisions et ses actions ; publish=true l'envoie au réseau");
}

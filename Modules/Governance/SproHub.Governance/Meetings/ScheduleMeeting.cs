using FluentValidation;
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
using SproHub.Shared.Network;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Governance.Meetings;

public interface IMeetingContent
{
    MeetingType Type { get; }
    string Subject { get; }
    DateTimeOffset StartsAt { get; }
    DateTimeOffset EndsAt { get; }
    string? Place { get; }
    string? VideoLink { get; }
    string Agenda { get; }
    /// <summary>The invited structures; their agents with an e-mail are invited by name. Empty for the Région's meeting of the coordinators.</summary>
    IReadOnlyList<Guid> StructureIds { get; }
    /// <summary>The basin whose meeting this is, where the SPRO's mode holds this type in each basin.</summary>
    string? BasinId { get; }
}

/// <summary>
/// Plans a meeting of the current local SPRO's network, or the Région's meeting of the coordinators in office. Invitations
/// leave with <see cref="SendInvitations"/>.
/// </summary>
[RequiresPermission(GovernanceModule.ManageMeetingsPermission)]
public sealed record ScheduleMeeting(MeetingType Type, string Subject, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Place, string? VideoLink, string Agenda, IReadOnlyList<Guid> StructureIds,
    string? BasinId = null) : IRequest<MeetingDetail>, IMeetingContent;

/// <summary>Changes a meeting not yet held; people invited already receive the update with the next sending.</summary>
[RequiresPermission(GovernanceModule.ManageMeetingsPermission)]
public sealed record UpdateMeeting(Guid Id, MeetingType Type, string Subject, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Place, string? VideoLink, string Agenda, IReadOnlyList<Guid> StructureIds, int Version,
    string? BasinId = null) : IRequest<MeetingDetail>, IMeetingContent, IVersionedRequest;

public sealed class MeetingContentValidator : AbstractValidator<IMeetingContent>
{
    public MeetingContentValidator()
    {
        RuleFor(r => r.Type).IsInEnum().WithMessage("Choisissez le type de réunion.");
        RuleFor(r => r.Subject).NotEmpty().WithMessage("Indiquez l'objet de la réunion.").MaximumLength(200);
        RuleFor(r => r.StartsAt).NotEmpty().WithMessage("Indiquez la date et l'heure de début.");
        RuleFor(r => r.EndsAt).GreaterThan(r => r.StartsAt).WithErrorCode("fin-apres-debut").WithMessage("La fin doit suivre le début.")
            .Must((r, end) => end - r.StartsAt <= TimeSpan.FromHours(12)).WithErrorCode("duree-maximale").WithMessage("Une réunion dure au plus 12 heures.");
        RuleFor(r => r.Place).MaximumLength(300)
            .Must((r, place) => !string.IsNullOrWhiteSpace(place) || !string.IsNullOrWhiteSpace(r.VideoLink))
            .WithErrorCode("lieu-ou-visio").WithMessage("Indiquez un lieu ou un lien de visioconférence.");
        RuleFor(r => r.VideoLink).MaximumLength(500)
            .Must(link => string.IsNullOrWhiteSpace(link) || Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")
            .WithErrorCode("lien-web").WithMessage("Le lien de visioconférence doit être une adresse web (https://…).");
        RuleFor(r => r.Agenda).NotEmpty().WithMessage("Indiquez l'ordre du jour.").MaximumLength(4000);
        // The Région's meeting invites the coordinators in office, whose structures follow from them.
        RuleFor(r => r.StructureIds).NotEmpty().When(r => r.Type != MeetingType.RegionalCoordinators).WithMessage("Invitez au moins une structure.");
        RuleFor(r => r.StructureIds).Empty().When(r => r.Type == MeetingType.RegionalCoordinators).WithErrorCode("coordonnateurs-invites")
            .WithMessage("La réunion régionale invite les coordonnateurs en fonction, pas des structures : laissez la liste vide.");
        RuleFor(r => r.BasinId).MaximumLength(64);
    }
}

public sealed class ScheduleMeetingValidator : AbstractValidator<ScheduleMeeting>
{
    public ScheduleMeetingValidator() => Include(new MeetingContentValidator());
}

public sealed class UpdateMeetingValidator : AbstractValidator<UpdateMeeting>
{
    public UpdateMeetingValidator() => Include(new MeetingContentValidator());
}

internal sealed class ScheduleMeetingHandlers(GovernanceDbContext db, ITerritoryContext territory, ITerritoryDirectory territories, IStructureDirectory structures, IPersonDirectory people,
    Modes.ModeReader modes, ICurrentUser user, IAuditLog audit, TimeProvider clock)
    : IRequestHandler<ScheduleMeeting, MeetingDetail>, IRequestHandler<UpdateMeeting, MeetingDetail>
{
    private string Slug => territory.Current!.Slug;

    public async Task<MeetingDetail> Handle(ScheduleMeeting request, CancellationToken cancellationToken)
    {
        var meeting = new Meeting { TerritoryId = Slug, Subject = "" };
        await ApplyAsync(meeting, request, cancellationToken);
        db.Meetings.Add(meeting);
        audit.Queue(db, new AuditEntry(GovernanceModule.Id, "reunion.planifiee", "reunion", meeting.Id.ToString(), Slug, $"{MeetingLabels.Of(meeting.Type)} : {meeting.Subject}"));
        await db.SaveChangesAsync(cancellationToken);
        return meeting.Detail(ParisTime.Today(clock), withMinutes: true);
    }

    public async Task<MeetingDetail> Handle(UpdateMeeting request, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.LoadAsync(request.Id, cancellationToken);
        db.Entry(meeting).ExpectVersion(request.Version);
        if (meeting.Status is MeetingStatus.Held or MeetingStatus.Cancelled)
            throw new RuleViolationException("status", "reunion-close", $"Cette réunion est {MeetingLabels.Of(meeting.Status)} : elle ne se modifie plus.");
        await ApplyAsync(meeting, request, cancellationToken);
        audit.Queue(db, new AuditEntry(GovernanceModule.Id, "reunion.modifiee", "reunion", meeting.Id.ToString(), Slug, $"{MeetingLabels.Of(meeting.Type)} : {meeting.Subject}"));
        await db.SaveChangesAsync(cancellationToken);
        return meeting.Detail(ParisTime.Today(clock), withMinutes: true);
    }

    /// <summary>
    /// A local SPRO invites its own structures (their agents with an e-mail by name), its basin's committee where its mode
    /// holds committees per basin; the Région invites the coordinators in office on the meeting's day, with their structures.
    /// </summary>
    private async Task ApplyAsync(Meeting meeting, IMeetingContent content, CancellationToken cancellationToken)
    {
        var day = ParisTime.DateOf(content.StartsAt);
        var regional = territory.Current!.Kind == TerritoryKind.Region;
        var (invited, invitees) = regional
            ? await CoordinatorsInOfficeAsync(content, day, cancellationToken)
            : await LocalNetworkAsync(content, cancellationToken);
        meeting.Type = content.Type;
        meeting.BasinId = string.IsNullOrWhiteSpace(content.BasinId) ? null : content.BasinId.Trim();
        meeting.Subject = content.Subject.Trim();
        meeting.StartsAt = content.StartsAt;
        meeting.EndsAt = content.EndsAt;
        meeting.Day = day;
        meeting.Place = string.IsNullOrWhiteSpace(content.Place) ? null : content.Place.Trim();
        meeting.VideoLink = string.IsNullOrWhiteSpace(content.VideoLink) ? null : content.VideoLink.Trim();
        meeting.Agenda = content.Agenda.Trim();
        meeting.UpdatedAt = clock.GetUtcNow();
        meeting.UpdatedBy = user.DisplayName;

        var wanted = invited.Select(s => s.Id).ToHashSet();
        var people = invitees.Where(p => !string.IsNullOrWhiteSpace(p.Email)).Select(p => p.Id).ToHashSet();
        meeting.Structures.RemoveAll(s => !wanted.Contains(s.StructureId));
        // The Région invites people (the coordinators): one no longer in office leaves, even if a colleague of the same structure stays.
        meeting.Invitees.RemoveAll(i => !wanted.Contains(i.StructureId) || (regional && i.PersonId is { } id && !people.Contains(id)));
        foreach (var structure in invited.Where(s => meeting.Structures.All(x => x.StructureId != s.Id)))
            meeting.Structures.Add(new InvitedStructure { MeetingId = meeting.Id, StructureId = structure.Id, Name = structure.Name, Type = structure.Type });
        foreach (var person in invitees)
        {
            if (string.IsNullOrWhiteSpace(person.Email) || meeting.Invitees.Any(i => i.PersonId == person.Id)) continue;
            meeting.Invitees.Add(new Invitee { MeetingId = meeting.Id, PersonId = person.Id, StructureId = person.StructureId, Name = person.FullName, Email = person.Email, Function = person.Function });
        }
        meeting.CountAttendance();
    }

    private async Task<(IReadOnlyList<StructureInfo>, IReadOnlyList<PersonInfo>)> LocalNetworkAsync(IMeetingContent content, CancellationToken cancellationToken)
    {
        if (content.Type == MeetingType.RegionalCoordinators)
            throw new RuleViolationException("type", "reunion-de-la-region", "La réunion régionale des coordonnateurs est organisée par la Région, depuis ses propres pages.");
        // The local SPRO's structures, and those serving its whole department (from a neighbouring local SPRO too).
        var departmentWide = await structures.DepartmentWideAsync(Slug, cancellationToken);
        var ofTerritory = (await structures.ListAsync(Slug, cancellationToken)).Concat(departmentWide).DistinctBy(s => s.Id).ToDictionary(s => s.Id);
        var unknown = content.StructureIds.Where(id => !ofTerritory.ContainsKey(id)).ToList();
        if (unknown.Count > 0)
            throw new RuleViolationException("structureIds", "structure-du-territoire", $"{SproHub.Shared.Text.French.Count(unknown.Count, "structure invitée n'appartient", "structures invitées n'appartiennent")} pas à ce SPRO local.");
        var forgotten = departmentWide.Where(s => !content.StructureIds.Contains(s.Id)).Select(s => s.Name).ToList();
        if (content.Type == MeetingType.LocalCommittee && forgotten.Count > 0)
            throw new RuleViolationException("structureIds", "structures-departementales", $"Les structures départementales sont toujours invitées au comité local : {string.Join(", ", forgotten)}.");
        if (content.Type == MeetingType.DirectorsPlenary) await CheckEverySignatoryAsync(content, cancellationToken);
        await CheckBasinAsync(content, cancellationToken);
        var invited = content.StructureIds.Distinct().Select(id => ofTerritory[id]).ToList();
        return (invited, await people.ListAsync(invited.Select(s => s.Id).ToList(), cancellationToken));
    }

    /// <summary>A meeting held in each basin names its basin, one of this SPRO's; a meeting held for the SPRO names none.</summary>
    private async Task CheckBasinAsync(IMeetingContent content, CancellationToken cancellationToken)
    {
        var mode = await modes.ForAsync(territory.Current!, cancellationToken);
        var perBasin = mode.RuleOf(content.Type)?.Level == Modes.MeetingLevel.EachBasin;
        if (string.IsNullOrWhiteSpace(content.BasinId))
        {
            if (perBasin)
                throw new RuleViolationException("basinId", "bassin-requis", $"Le {mode.TerritoryName} tient « {MeetingLabels.Of(content.Type)} » dans chacun de ses bassins : indiquez le bassin de cette réunion.");
            return;
        }
        if (mode.Basins.All(b => b.BasinId != content.BasinId.Trim()))
            throw new RuleViolationException("basinId", "bassin-du-territoire", $"« {content.BasinId} » n'est pas un bassin du {mode.TerritoryName}.");
        if (!perBasin)
            throw new RuleViolationException("basinId", "bassin-inutile", $"Le {mode.TerritoryName} tient « {MeetingLabels.Of(content.Type)} » au niveau du SPRO local, pas par bassin : ne choisissez pas de bassin.");
    }

    /// <summary>The Région meets the coordinators in office on the day (the latest designation of each local SPRO), never a SPRO's structures.</summary>
    private async Task<(IReadOnlyList<StructureInfo>, IReadOnlyList<PersonInfo>)> CoordinatorsInOfficeAsync(IMeetingContent content, DateOnly day, CancellationToken cancellationToken)
    {
        if (content.Type != MeetingType.RegionalCoordinators)
            throw new RuleViolationException("type", "reunion-regionale", "La Région organise ici la réunion régionale des coordonnateurs ; les autres réunions sont celles des SPRO locaux.");
        if (!string.IsNullOrWhiteSpace(content.BasinId))
            throw new RuleViolationException("basinId", "bassin-inutile", "La réunion régionale des coordonnateurs ne se tient pas dans un bassin.");
        var coordinators = new List<PersonInfo>();
        foreach (var spro in (await territories.ListAsync(cancellationToken)).Where(t => t.Kind == TerritoryKind.LocalSpro))
            coordinators.AddRange(await people.CoordinatorsAsync(spro.Slug, day, cancellationToken));
        coordinators = coordinators.DistinctBy(p => p.Id).ToList();
        if (coordinators.Count == 0)
            throw new RuleViolationException("startsAt", "aucun-coordonnateur", $"Aucun coordonnateur n'est désigné pour l'année scolaire du {day:dd/MM/yyyy} : la réunion n'aurait personne à inviter.");
        var invited = await structures.FindAsync(coordinators.Select(p => p.StructureId).Distinct().ToList(), cancellationToken);
        return (invited, coordinators);
    }

    /// <summary>The directors' plenary gathers the signatories of the local SPRO's agreement, as they stand on its day: all of them.</summary>
    private async Task CheckEverySignatoryAsync(IMeetingContent content, CancellationToken cancellationToken)
    {
        var agreement = await db.Agreements.AsNoTracking().Include(a => a.Parties)
            .Where(a => a.Kind == Agreements.AgreementKind.Implementation && a.TerritoryId == Slug).OrderByDescending(a => a.SignedOn).FirstOrDefaultAsync(cancellationToken);
        if (agreement is null) return;
        var missing = agreement.SignatoriesAt(ParisTime.DateOf(content.StartsAt))
            .Where(p => p.StructureId is { } id && !content.StructureIds.Contains(id)).Select(p => p.Name).ToList();
        if (missing.Count > 0)
            throw new RuleViolationException("structureIds", "tous-les-signataires",
                $"La plénière des directeurs réunit toutes les structures signataires de la convention : {SproHub.Shared.Text.French.Word(missing.Count, "manque", "manquent")} {string.Join(", ", missing)}.");
    }
}

internal static class MeetingQueries
{
    /// <summary>The meeting of the current territory with everything it holds, or 404.</summary>
    public static async Task<Meeting> LoadAsync(this IQueryable<Meeting> meetings, Guid id, CancellationToken cancellationToken) =>
        await meetings.Include(m => m.Structures).Include(m => m.Invitees).Include(m => m.Decisions).Include(m => m.Actions)
            .AsSplitQuery().FirstOrDefaultAsync(m => m.Id == id, cancellationToken)
        ?? throw new NotFoundException("Cette réunion n'existe pas dans ce territoire.");
}

internal static class ScheduleEndpoints
{
    public sealed record MeetingBody(MeetingType Type, string Subject, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Place, string? VideoLink, string Agenda, IReadOnlyList<Guid> StructureIds, int Version,
        string? BasinId = null);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/meetings", async Task<Created<MeetingDetail>> (ScheduleMeeting request, IMediator mediator, CancellationToken ct) =>
        {
            var meeting = await mediator.Send(request, ct);
            return TypedResults.Created($"meetings/{meeting.Summary.Id}", meeting);
        }).WithSummary("Planifier une réunion du réseau local (ou, pour la Région, la réunion régionale des coordonnateurs)");
        api.MapPut("/meetings/{id:guid}", async Task<Ok<MeetingDetail>> (Guid id, MeetingBody body, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new UpdateMeeting(id, body.Type, body.Subject, body.StartsAt, body.EndsAt, body.Place, body.VideoLink, body.Agenda, body.StructureIds, body.Version, body.BasinId), ct)))
            .WithSummary("Modifier une réunion pas encore tenue (version requise)");
    }
}

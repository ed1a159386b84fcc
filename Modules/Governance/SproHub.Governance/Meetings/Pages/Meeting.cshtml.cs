using MediatR;
using Microsoft.AspNetCore.Mvc;
using SproHub.Shared.Pages;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Governance.Meetings.Pages;

/// <summary>One meeting: what, when, where, who is invited and who answered; its organiser acts from here.</summary>
public sealed class MeetingModel(IMediator mediator, ITerritoryContext territory, ICurrentUser user, TimeProvider clock) : FormPageModel
{
    public sealed class ActionRow
    {
        public Guid? Id { get; set; }
        /// <summary>Kept as it is: the page names who by text, a client may also name the structure.</summary>
        public Guid? StructureId { get; set; }
        public string? What { get; set; }
        public string? Who { get; set; }
        public DateOnly? DueOn { get; set; }
        public bool IsBlank => string.IsNullOrWhiteSpace(What) && string.IsNullOrWhiteSpace(Who) && DueOn is null;
    }

    public sealed class MinutesForm
    {
        public string Minutes { get; set; } = "";
        /// <summary>One decision per line.</summary>
        public string Decisions { get; set; } = "";
        public List<ActionRow> Actions { get; set; } = [];
        public bool Publish { get; set; }
    }

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public MinutesForm Minutes { get; set; } = new();
    public MeetingDetail Meeting { get; private set; } = null!;
    public bool CanManage => user.Can(GovernanceModule.ManageMeetingsPermission);
    public string Territory => territory.Current!.Slug;
    public string TerritoryName => territory.Current!.Name;
    public bool Started => Meeting.Summary.StartsAt <= clock.GetUtcNow();

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostInviteAsync(int version, CancellationToken ct) => SubmitAsync(async () =>
    {
        var m = await mediator.Send(new SendInvitations(Id, version), ct);
        return $"Invitations envoyées à {SproHub.Shared.Text.French.Count(m.Invitees.Count, "personne", "personnes")}, avec l'invitation pour leur agenda.";
    }, "", ct);

    public Task<IActionResult> OnPostAttendanceAsync(List<Guid> present, List<Guid> structures, int version, CancellationToken ct) => SubmitAsync(async () =>
    {
        var m = await mediator.Send(new RecordAttendance(Id, present, structures, version), ct);
        return $"Présences enregistrées : {SproHub.Shared.Text.French.Count(m.Summary.ParticipatingStructures, "structure présente", "structures présentes")} sur {m.Summary.InvitedStructures} ({m.Summary.AttendancePercent}\u00A0%).";
    }, "", ct);

    public Task<IActionResult> OnPostMinutesAsync(int version, CancellationToken ct) => SubmitAsync(async () =>
    {
        var actions = Minutes.Actions.Where(a => !a.IsBlank).Select(a => new ActionLine(a.Id, a.What ?? "", a.Who ?? "", a.StructureId, a.DueOn ?? default)).ToList();
        var decisions = (Minutes.Decisions ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var m = await mediator.Send(new WriteMinutes(Id, Minutes.Minutes, decisions, actions, Minutes.Publish, version), ct);
        return m.MinutesPublishedAt is null ? "Compte rendu enregistré (non publié)." : Minutes.Publish ? "Compte rendu publié et envoyé aux agents du réseau." : "Compte rendu mis à jour.";
    }, nameof(Minutes), ct);

    public Task<IActionResult> OnPostCancelAsync(string reason, int version, CancellationToken ct) => SubmitAsync(async () =>
    {
        await mediator.Send(new CancelMeeting(Id, reason, version), ct);
        return "Réunion annulée ; les personnes invitées en sont informées.";
    }, "", ct);

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Meeting = await mediator.Send(new GetMeeting(Id), ct);
        // Refused minutes are shown as typed; any other page load (or another form refused) shows what is stored.
        if (Request.Query["handler"] != "Minutes" || ModelState.IsValid)
        {
            // The form starts from what is stored, with three empty lines for new actions.
            Minutes = new MinutesForm
            {
                Minutes = Meeting.Minutes ?? "", Decisions = string.Join("\n", Meeting.Decisions),
                Actions = Meeting.Actions.Select(a => new ActionRow { Id = a.Id, StructureId = a.StructureId, What = a.What, Who = a.Who, DueOn = a.DueOn }).ToList(),
            };
        }
        while (Minutes.Actions.Count(a => a.IsBlank) < 3) Minutes.Actions.Add(new ActionRow());
    }
}

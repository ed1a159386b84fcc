using MediatR;
using Microsoft.AspNetCore.Mvc;
using SproHub.Shared.Pages;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Governance.Meetings.Pages;

/// <summary>One meeting: what, when, where, who is invited and who answered; its organiser acts from here.</summary>
public sealed class MeetingModel(IMediator mediator, ITerritoryContext territory, ICurrentUser user, TimeProvider clock) : FormPageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public MeetingDetail Meeting { get; private set; } = null!;
    public bool CanManage => user.Can(GovernanceModule.ManageMeetingsPermission);
    public string Territory => territory.Current!.Slug;
    public string TerritoryName => territory.Current!.Name;
    public bool Started => Meeting.Summary.StartsAt <= clock.GetUtcNow();

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostInviteAsync(int version, CancellationToken ct) => SubmitAsync(async () =>
    {
        var m = await mediator.Send(new SendInvitations(Id, version), ct);
        return $"Invitations envoyées à {m.Invitees.Count} personne(s), avec l'invitation pour leur agenda.";
    }, "", ct);

    public Task<IActionResult> OnPostAttendanceAsync(List<Guid> present, List<Guid> structures, int version, CancellationToken ct) => SubmitAsync(async () =>
    {
        var m = await mediator.Send(new RecordAttendance(Id, present, structures, version), ct);
        return $"Présences enregistrées : {m.Summary.ParticipatingStructures} structure(s) présente(s) sur {m.Summary.InvitedStructures} ({m.Summary.AttendancePercent} %).";
    }, "", ct);

    public Task<IActionResult> OnPostCancelAsync(string reason, int version, CancellationToken ct) => SubmitAsync(async () =>
    {
        await mediator.Send(new CancelMeeting(Id, reason, version), ct);
        return "Réunion annulée ; les personnes invitées en sont informées.";
    }, "", ct);

    protected override async Task LoadAsync(CancellationToken ct) => Meeting = await mediator.Send(new GetMeeting(Id), ct);
}

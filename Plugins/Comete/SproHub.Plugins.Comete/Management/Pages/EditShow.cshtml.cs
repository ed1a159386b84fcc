using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SproHub.Plugins.Comete.Programme;
using SproHub.Plugins.Comete.Replays;
using SproHub.Plugins.Comete.Shows;
using SproHub.Shared.Errors;
using SproHub.Shared.Pages;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.Comete.Management.Pages;

/// <summary>One show: schedule, guests, running order, state, replay and history.</summary>
public sealed class EditShowModel(IMediator mediator, ICurrentUser user, ITerritoryContext territory) : FormPageModel
{
    public const int SegmentRows = 8;

    public sealed class SegmentRow
    {
        public SegmentKind Kind { get; set; }
        public string? Title { get; set; }
        public int? Minutes { get; set; }
    }

    public ShowView Show { get; private set; } = null!;
    public string Territory => territory.Current!.Slug;
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public int Version { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostRescheduleAsync(DateOnly? date, TimeOnly? startTime, TimeOnly? endTime, CancellationToken ct) => SubmitAsync(async () =>
    {
        if (date is null || startTime is null || endTime is null) throw new RuleViolationException("date", "obligatoire", "Indiquez la date, l'heure de début et l'heure de fin.");
        await mediator.Send(new RescheduleShow(Id, date.Value, startTime.Value, endTime.Value, Version), ct);
        return "Émission déplacée.";
    }, "", ct, new { Id });

    public Task<IActionResult> OnPostAddGuestAsync(string? name, GuestRole role, string? organisation, CancellationToken ct) => SubmitAsync(async () =>
    {
        await mediator.Send(new AddGuest(Id, name ?? "", role, organisation, Version), ct);
        return $"Invité ajouté : {name}.";
    }, "", ct, new { Id });

    public Task<IActionResult> OnPostRemoveGuestAsync(Guid guestId, CancellationToken ct) => SubmitAsync(async () =>
    {
        await mediator.Send(new RemoveGuest(Id, guestId, Version), ct);
        return "Invité retiré.";
    }, "", ct, new { Id });

    public Task<IActionResult> OnPostRunningOrderAsync(List<SegmentRow> segments, CancellationToken ct) => SubmitAsync(async () =>
    {
        var filled = segments.Where(s => !string.IsNullOrWhiteSpace(s.Title)).Select(s => new SegmentInput(s.Kind, s.Title!, s.Minutes ?? 0)).ToList();
        await mediator.Send(new SetRunningOrder(Id, filled, Version), ct);
        return "Déroulé enregistré.";
    }, "", ct, new { Id });

    public Task<IActionResult> OnPostStateAsync(ShowTransition transition, CancellationToken ct) => SubmitAsync(async () =>
    {
        var show = await mediator.Send(new ChangeShowState(Id, transition, Version), ct);
        return $"L'émission est maintenant {show.StateLabel}.";
    }, "", ct, new { Id });

    public Task<IActionResult> OnPostReplayAsync(string? url, DateOnly? availableUntil, CancellationToken ct) => SubmitAsync(async () =>
    {
        if (availableUntil is null) throw new RuleViolationException("availableUntil", "obligatoire", "Indiquez jusqu'à quand la rediffusion est en ligne.");
        await mediator.Send(new SetReplay(Id, url ?? "", availableUntil.Value, Version), ct);
        return "Rediffusion enregistrée.";
    }, "", ct, new { Id });

    protected override async Task LoadAsync(CancellationToken ct)
    {
        user.Demand(CometeModule.ManagePermission);
        Show = await mediator.Send(new GetShow(Id), ct);
    }
}

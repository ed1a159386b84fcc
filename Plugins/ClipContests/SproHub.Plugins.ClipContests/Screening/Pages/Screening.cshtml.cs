using MediatR;
using Microsoft.AspNetCore.Mvc;
using SproHub.Plugins.ClipContests.Jury;
using SproHub.Shared.Pages;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.ClipContests.Screening.Pages;

/// <summary>The coordinator plans the screening (when, where, the programme in order) and records how many came.</summary>
[Microsoft.AspNetCore.Authorization.Authorize]
public sealed class ScreeningModel(IMediator mediator, ITerritoryContext territory) : FormPageModel
{
    public sealed class PlanForm
    {
        public DateTime? StartsAt { get; set; }
        public string? Venue { get; set; }
        /// <summary>Per competing clip, its place in the programme (empty: not screened).</summary>
        public Dictionary<Guid, int?> Order { get; set; } = [];
        public int? Version { get; set; }
    }

    [FromRoute] public int Year { get; set; }
    public ScreeningView? Screening { get; private set; }
    public IReadOnlyList<JuryClipView> Competing { get; private set; } = [];
    [BindProperty] public PlanForm Plan { get; set; } = new();
    public string Territory => territory.Current!.Slug;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostPlanAsync(CancellationToken ct) => SubmitAsync(async () =>
    {
        var programme = Plan.Order.Where(o => o.Value is not null).OrderBy(o => o.Value).Select(o => o.Key).ToList();
        var screening = await mediator.Send(new PlanScreening(Year, Plan.StartsAt ?? default, Plan.Venue ?? "", programme, Plan.Version), ct);
        return $"Projection prévue : {screening.Programme.Count} clips au programme.";
    }, nameof(Plan), ct);

    public Task<IActionResult> OnPostAttendanceAsync(int attendance, int version, CancellationToken ct) => SubmitAsync(async () =>
    {
        await mediator.Send(new RecordAttendance(Year, attendance, version), ct);
        return $"{attendance} spectateurs notés.";
    }, "", ct);

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        Screening = await mediator.Send(new GetScreening(Year), cancellationToken);
        Competing = (await mediator.Send(new GetJury(Year), cancellationToken)).Clips;
        if (Screening is not null && Plan.StartsAt is null)
            Plan = new PlanForm { StartsAt = Screening.StartsAt, Venue = Screening.Venue, Version = Screening.Version,
                Order = Screening.Programme.ToDictionary(p => p.ClipId, p => (int?)p.Order) };
    }
}

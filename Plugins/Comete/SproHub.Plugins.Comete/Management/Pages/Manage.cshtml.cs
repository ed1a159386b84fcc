using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SproHub.Plugins.Comete.Programme;
using SproHub.Plugins.Comete.Series;
using SproHub.Plugins.Comete.Shows;
using SproHub.Plugins.Comete.Spots;
using SproHub.Shared.Pages;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.Comete.Management.Pages;

/// <summary>The coordinator's desk: series, scheduling, dead replays, spot broadcasts.</summary>
public sealed class ManageModel(IMediator mediator, ICurrentUser user, ITerritoryContext territory) : FormPageModel
{
    public sealed class SeriesForm
    {
        public string Name { get; set; } = "";
        public string Station { get; set; } = "";
        public TimeOnly SlotStart { get; set; } = ShowSeries.DefaultSlotStart;
        public TimeOnly SlotEnd { get; set; } = ShowSeries.DefaultSlotEnd;
    }

    public sealed class SeriesEdit
    {
        public Guid Id { get; set; }
        public string Name { get; set; } = "";
        public string Station { get; set; } = "";
        public TimeOnly SlotStart { get; set; }
        public TimeOnly SlotEnd { get; set; }
        public int Version { get; set; }
    }

    public sealed class ShowForm
    {
        public Guid SeriesId { get; set; }
        public string Sector { get; set; } = "";
        public string? Title { get; set; }
        public DateOnly? Date { get; set; }
        public TimeOnly? StartTime { get; set; }
        public TimeOnly? EndTime { get; set; }
    }

    public sealed class SpotForm
    {
        public Guid SeriesId { get; set; }
        public DateTime? BroadcastAt { get; set; }
        public string? Note { get; set; }
    }

    public IReadOnlyList<SeriesView> Series { get; private set; } = [];
    public ProgrammeView Programme { get; private set; } = null!;
    public IReadOnlyList<SpotBroadcastView> Spots { get; private set; } = [];
    public string Territory => territory.Current!.Slug;
    [BindProperty] public SeriesForm NewSeries { get; set; } = new();
    [BindProperty] public ShowForm NewShow { get; set; } = new();
    [BindProperty] public SpotForm NewSpot { get; set; } = new();

    public IEnumerable<ShowView> AllShows => Programme.Upcoming.Concat(Programme.Past);
    public IEnumerable<ShowView> DeadReplays => AllShows.Where(s => s.Replay is { IsDead: true });

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostSeriesAsync(CancellationToken ct) => SubmitAsync(async () =>
    {
        var series = await mediator.Send(new CreateSeries(NewSeries.Name, NewSeries.Station, NewSeries.SlotStart, NewSeries.SlotEnd), ct);
        return $"Série « {series.Name} » créée.";
    }, "NewSeries", ct);

    public Task<IActionResult> OnPostEditSeriesAsync(SeriesEdit edit, CancellationToken ct) => SubmitAsync(async () =>
    {
        var series = await mediator.Send(new UpdateSeries(edit.Id, edit.Name, edit.Station, edit.SlotStart, edit.SlotEnd, edit.Version), ct);
        return $"Série « {series.Name} » modifiée.";
    }, "edit", ct);

    public Task<IActionResult> OnPostShowAsync(CancellationToken ct) => SubmitAsync(async () =>
    {
        if (NewShow.Date is null) throw new SproHub.Shared.Errors.RuleViolationException("date", "obligatoire", "Indiquez la date de l'émission.");
        var show = await mediator.Send(new ScheduleShow(NewShow.SeriesId, NewShow.Sector, NewShow.Title, NewShow.Date.Value, NewShow.StartTime, NewShow.EndTime), ct);
        return $"Émission « {show.Sector} » programmée le {show.Date:dd/MM/yyyy}.";
    }, "NewShow", ct);

    public Task<IActionResult> OnPostSpotAsync(CancellationToken ct) => SubmitAsync(async () =>
    {
        if (NewSpot.BroadcastAt is null) throw new SproHub.Shared.Errors.RuleViolationException("broadcastAt", "obligatoire", "Indiquez la date et l'heure de diffusion du spot.");
        var at = new DateTimeOffset(NewSpot.BroadcastAt.Value, ParisTime.Zone.GetUtcOffset(NewSpot.BroadcastAt.Value));
        await mediator.Send(new RecordSpotBroadcast(NewSpot.SeriesId, at, NewSpot.Note), ct);
        return "Diffusion du spot enregistrée.";
    }, "NewSpot", ct);

    protected override async Task LoadAsync(CancellationToken ct)
    {
        user.Demand(CometeModule.ManagePermission);
        Series = await mediator.Send(new ListSeries(), ct);
        Programme = await mediator.Send(new GetProgramme(IncludeCancelled: true), ct);
        Spots = await mediator.Send(new ListSpotBroadcasts(), ct);
    }
}

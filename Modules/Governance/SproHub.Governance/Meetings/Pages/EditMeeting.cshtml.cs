using MediatR;
using Microsoft.AspNetCore.Mvc;
using SproHub.Shared.Network;
using SproHub.Shared.Pages;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Governance.Meetings.Pages;

/// <summary>Plans a meeting, or changes one not yet held: the coordinator's form.</summary>
[RequiresPermission(GovernanceModule.ManageMeetingsPermission)] // as ScheduleMeeting and UpdateMeeting
public sealed class EditMeetingModel(IMediator mediator, ITerritoryContext territory, IStructureDirectory structures) : FormPageModel
{
    public sealed class MeetingForm
    {
        public MeetingType Type { get; set; } = MeetingType.LocalCommittee;
        public string Subject { get; set; } = "";
        public DateOnly? Date { get; set; }
        public TimeOnly Start { get; set; } = new(9, 30);
        public TimeOnly End { get; set; } = new(12, 0);
        public string? Place { get; set; }
        public string? VideoLink { get; set; }
        public string Agenda { get; set; } = "";
        public List<Guid> StructureIds { get; set; } = [];
        public string? BasinId { get; set; }
        public int Version { get; set; }
    }

    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public MeetingForm Form { get; set; } = new();
    public IReadOnlyList<StructureInfo> Structures { get; private set; } = [];
    /// <summary>Always invited to a local committee.</summary>
    public IReadOnlySet<Guid> DepartmentWide { get; private set; } = new HashSet<Guid>();
    /// <summary>The territory's governance mode: which meetings it holds, how often, in which basins.</summary>
    public Modes.GovernanceModeView Mode { get; private set; } = null!;
    /// <summary>The Région plans only its meeting of the coordinators, who are invited as people.</summary>
    public bool IsRegion => territory.Current!.Kind == TerritoryKind.Region;
    public IReadOnlyList<MeetingType> Types => IsRegion ? [MeetingType.RegionalCoordinators] : Modes.GovernanceModes.LocalTypes;
    public string Territory => territory.Current!.Slug;
    public string TerritoryName => territory.Current!.Name;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Id is { } id)
        {
            var m = await mediator.Send(new GetMeeting(id), ct);
            var starts = TimeZoneInfo.ConvertTime(m.Summary.StartsAt, ParisTime.Zone);
            Form = new MeetingForm
            {
                Type = m.Summary.Type, Subject = m.Summary.Subject, Date = DateOnly.FromDateTime(starts.DateTime), Start = TimeOnly.FromDateTime(starts.DateTime),
                End = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(m.Summary.EndsAt, ParisTime.Zone).DateTime), Place = m.Summary.Place, VideoLink = m.Summary.VideoLink,
                Agenda = m.Agenda, StructureIds = m.Structures.Select(s => s.StructureId).ToList(), BasinId = m.Summary.BasinId, Version = m.Summary.Version,
            };
        }
        else
        {
            Form.StructureIds = Structures.Select(s => s.Id).ToList(); // the whole local network, by default
            Form.Type = Types[0];
        }
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SubmitThenRedirectAsync(async () =>
    {
        var (starts, ends) = (At(Form.Date, Form.Start), At(Form.Date, Form.End));
        var saved = Id is { } id
            ? await mediator.Send(new UpdateMeeting(id, Form.Type, Form.Subject, starts, ends, Form.Place, Form.VideoLink, Form.Agenda, StructureIds, Form.Version, BasinId), ct)
            : await mediator.Send(new ScheduleMeeting(Form.Type, Form.Subject, starts, ends, Form.Place, Form.VideoLink, Form.Agenda, StructureIds, BasinId), ct);
        return ($"Réunion « {saved.Summary.Subject} » {(Id is null ? "planifiée" : "modifiée")}.", $"/t/{Territory}/reunions/{saved.Summary.Id}");
    }, nameof(Form), ct);

    // The Région's form shows no structures (the coordinators in office are invited); a basin is sent only when one is chosen.
    private List<Guid> StructureIds => IsRegion ? [] : Form.StructureIds;
    private string? BasinId => string.IsNullOrWhiteSpace(Form.BasinId) ? null : Form.BasinId;

    /// <summary>A date and a time typed on the Paris wall clock; no date leaves the instant empty (refused by the rules).</summary>
    private static DateTimeOffset At(DateOnly? date, TimeOnly time)
    {
        if (date is null) return default;
        var local = date.Value.ToDateTime(time);
        return new DateTimeOffset(local, ParisTime.Zone.GetUtcOffset(local));
    }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Mode = await mediator.Send(new Modes.GetGovernanceMode(), ct);
        if (IsRegion) return;
        var departmentWide = await structures.DepartmentWideAsync(Territory, ct);
        DepartmentWide = departmentWide.Select(s => s.Id).ToHashSet();
        Structures = (await structures.ListAsync(Territory, ct)).Concat(departmentWide).DistinctBy(s => s.Id).ToList();
    }
}

using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Governance.Meetings.Pages;

/// <summary>The local SPRO's meetings by year, for its members; its coordinator plans them from here.</summary>
public sealed class MeetingsModel(IMediator mediator, ITerritoryContext territory, ICurrentUser user, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "annee")] public int? Year { get; set; }
    public IReadOnlyList<MeetingSummary> Meetings { get; private set; } = [];
    public TerritoryCadence Cadence { get; private set; } = null!;
    public int OverdueActions { get; private set; }
    public Modes.GovernanceModeView Mode { get; private set; } = null!;
    public string? BasinName(string? basinId) => Mode.Basins.FirstOrDefault(b => b.BasinId == basinId)?.Name;
    public bool CanManage => user.Can(GovernanceModule.ManageMeetingsPermission);
    public string Territory => territory.Current!.Slug;
    public string TerritoryName => territory.Current!.Name;
    public int ShownYear => Year ?? ParisTime.Today(clock).Year;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Meetings = await mediator.Send(new ListMeetings(ShownYear), ct);
        Cadence = await mediator.Send(new GetCadence(ShownYear), ct);
        Mode = await mediator.Send(new Modes.GetGovernanceMode(), ct);
        OverdueActions = (await mediator.Send(new ListActions(), ct)).Count(a => a.Action.Overdue);
    }
}

using MediatR;
using SproHub.Plugins.CelluleHandicap.Partners;
using SproHub.Plugins.CelluleHandicap.Sessions;
using SproHub.Plugins.CelluleHandicap.Situations;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.CelluleHandicap.Home.Pages;

/// <summary>The cell's door: what the person may do here, the situations they may read, the coming sessions.</summary>
public sealed class CellModel(IMediator mediator, CellMembership membership, ICurrentUser user, ITerritoryContext territory, TimeProvider clock) : PageModel
{
    public IReadOnlyList<SituationLine> Situations { get; private set; } = [];
    public IReadOnlyList<SessionView> Coming { get; private set; } = [];
    public IReadOnlyList<Partner> Mine { get; private set; } = [];
    public string Territory => territory.Current!.Slug;
    public string TerritoryName => territory.Current!.Name;
    public bool CanTakePart => user.Can(CelluleHandicapModule.TakePartPermission);
    public bool CanManage => user.Can(CelluleHandicapModule.ManagePermission);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Mine = await membership.MyPartnersAsync(ct);
        if (CanTakePart) Situations = await mediator.Send(new ListMySituations(), ct);
        var today = ParisTime.Today(clock);
        Coming = (await mediator.Send(new ListSessions(null), ct)).Where(s => s.Date >= today).Take(5).ToList();
    }
}

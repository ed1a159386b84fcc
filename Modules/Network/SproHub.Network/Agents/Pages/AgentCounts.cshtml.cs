using MediatR;
using Microsoft.AspNetCore.Mvc;
using SproHub.Shared.Pages;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Network.Agents.Pages;

/// <summary>The year's number of agents of each structure of the local SPRO: members read it, the coordinator fills it.</summary>
public sealed class AgentCountsModel(IMediator mediator, ICurrentUser user, ITerritoryContext territory, TimeProvider clock) : FormPageModel
{
    public sealed class Line
    {
        public Guid StructureId { get; set; }
        public int? Agents { get; set; }
        public int Version { get; set; }
    }

    [BindProperty(SupportsGet = true, Name = "annee")] public int? Year { get; set; }
    [BindProperty] public List<Line> Lines { get; set; } = [];
    public AgentCountsView View { get; private set; } = null!;
    public bool CanEdit => user.Can(NetworkModule.ManageStructuresPermission);
    public string Territory => territory.Current!.Slug;
    public string TerritoryName => territory.Current!.Name;
    public int CurrentYear => ParisTime.Today(clock).Year;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SubmitAsync(async () =>
    {
        var counts = Lines.Where(l => l.Agents is not null).Select(l => new AgentCountInput(l.StructureId, l.Agents!.Value, l.Version)).ToList();
        var saved = await mediator.Send(new SetAgentCounts(Year ?? CurrentYear, counts), ct);
        return $"Nombre d'agents {saved.Year} enregistré : {saved.Agents} agents au total.";
    }, "", ct, new { annee = Year });

    protected override async Task LoadAsync(CancellationToken cancellationToken) =>
        View = await mediator.Send(new GetAgentCounts(Year ??= CurrentYear), cancellationToken);
}

using MediatR;
using Microsoft.AspNetCore.Mvc;
using SproHub.Network.Territories;
using SproHub.Shared.Pages;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Network.Coordinators.Pages;

public sealed class DesignateModel(IMediator mediator, ICurrentUser user, ITerritoryContext territory, TimeProvider clock) : FormPageModel
{
    public sealed class DesignationForm
    {
        public int SchoolYear { get; set; }
        public string FirstName { get; set; } = "";
        public string LastName { get; set; } = "";
        public string Email { get; set; } = "";
        public Guid StructureId { get; set; }
        public DateOnly? PlenaryDate { get; set; }
        public string? MinutesReference { get; set; }
    }

    [BindProperty] public DesignationForm Designation { get; set; } = new();
    public IReadOnlyList<StructureSummary> Structures { get; private set; } = [];
    public IReadOnlyList<CoordinatorView> History { get; private set; } = [];
    public string Territory => territory.Current!.Slug;
    public string TerritoryName => territory.Current!.Name;

    public async Task OnGetAsync(CancellationToken ct)
    {
        user.Demand(NetworkModule.DesignateCoordinatorsPermission);
        Designation.SchoolYear = CoordinatorDesignation.SchoolYearOf(ParisTime.Today(clock));
        await LoadAsync(ct);
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SubmitAsync(async () =>
    {
        var d = Designation;
        var saved = await mediator.Send(new DesignateCoordinator(d.SchoolYear, d.FirstName, d.LastName, d.Email, d.StructureId, d.PlenaryDate ?? default, d.MinutesReference), ct);
        return $"Désignation enregistrée : {saved.Name} coordonne le SPRO en {saved.SchoolYearLabel}.";
    }, nameof(Designation), ct);

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        Structures = (await mediator.Send(new GetTerritory(Territory), cancellationToken)).Structures;
        History = await mediator.Send(new ListCoordinators(Territory), cancellationToken);
    }
}

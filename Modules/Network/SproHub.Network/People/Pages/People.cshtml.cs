using MediatR;
using Microsoft.AspNetCore.Mvc;
using SproHub.Network.Territories;
using SproHub.Shared.Pages;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Network.People.Pages;

/// <summary>The agents of the local SPRO's structures: the territory's network reads them, its coordinator keeps them.</summary>
public sealed class PeopleModel(IMediator mediator, ICurrentUser user, ITerritoryContext territory) : FormPageModel
{
    public sealed class PersonForm
    {
        public Guid Id { get; set; }
        public string FirstName { get; set; } = "";
        public string LastName { get; set; } = "";
        public string? Email { get; set; }
        public string? Function { get; set; }
        public Guid StructureId { get; set; }
        public bool MaySign { get; set; }
        public int Version { get; set; }
    }

    [BindProperty] public PersonForm NewPerson { get; set; } = new();
    public IReadOnlyList<PersonView> People { get; private set; } = [];
    public IReadOnlyList<StructureSummary> Structures { get; private set; } = [];
    public bool CanEdit => user.Can(NetworkModule.ManageStructuresPermission);
    public string Territory => territory.Current!.Slug;
    public string TerritoryName => territory.Current!.Name;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SubmitAsync(async () =>
    {
        var p = await mediator.Send(new AddPerson(NewPerson.FirstName, NewPerson.LastName, NewPerson.Email, NewPerson.Function, NewPerson.StructureId, NewPerson.MaySign), ct);
        return $"Fiche de {p.FirstName} {p.LastName} ajoutée à {p.StructureName}.";
    }, nameof(NewPerson), ct);

    public Task<IActionResult> OnPostEditAsync(PersonForm edit, CancellationToken ct) => SubmitAsync(async () =>
    {
        var p = await mediator.Send(new UpdatePerson(edit.Id, edit.FirstName, edit.LastName, edit.Email, edit.Function, edit.StructureId, edit.Version, edit.MaySign), ct);
        return $"Fiche de {p.FirstName} {p.LastName} modifiée.";
    }, "edit", ct);

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        People = await mediator.Send(new ListPeople(), cancellationToken);
        Structures = (await mediator.Send(new GetTerritory(Territory), cancellationToken)).Structures;
    }
}

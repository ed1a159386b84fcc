using MediatR;
using Microsoft.AspNetCore.Mvc;
using SproHub.Shared.Pages;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Network.Structures.Pages;

/// <summary>A member structure's form: a new one (no id) or an existing one of this local SPRO.</summary>
public sealed class EditStructureModel(IMediator mediator, ICurrentUser user, ITerritoryContext territory) : FormPageModel
{
    public sealed class StructureForm
    {
        public string Name { get; set; } = "";
        public StructureType? Type { get; set; }
        public string Town { get; set; } = "";
        public string? Address { get; set; }
        public List<PublicServed> Public { get; set; } = [];
        public int Version { get; set; }
    }

    [FromRoute] public Guid? Id { get; set; }
    [BindProperty] public StructureForm Structure { get; set; } = new();
    public string TerritoryName => territory.Current!.Name;
    public string Territory => territory.Current!.Slug;

    public async Task OnGetAsync(CancellationToken ct)
    {
        user.Demand(NetworkModule.ManageStructuresPermission); // the form itself is for those who may send it
        if (Id is not { } id) return;
        var view = await mediator.Send(new GetStructure(id), ct);
        Structure = new StructureForm { Name = view.Name, Type = view.Type, Town = view.Town, Address = view.Address, Public = view.Public.ToList(), Version = view.Version };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        try
        {
            var saved = Id is { } id
                ? await mediator.Send(new UpdateStructure(id, Structure.Name, Structure.Type, Structure.Town, Structure.Address, Structure.Public, Structure.Version), ct)
                : await mediator.Send(new CreateStructure(Structure.Name, Structure.Type, Structure.Town, Structure.Address, Structure.Public), ct);
            Message = $"Structure « {saved.Name} » enregistrée.";
            return RedirectToPage(new { territory = Territory, id = saved.Id }); // a new structure continues on its own form
        }
        catch (Exception ex) when (ModelState.TryAddRefusal(ex, nameof(Structure)))
        {
            return Page();
        }
    }

    protected override Task LoadAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

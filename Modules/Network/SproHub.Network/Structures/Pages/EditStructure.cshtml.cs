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
        public string? Network { get; set; }
        public bool DepartmentWide { get; set; }
        public string Town { get; set; } = "";
        public string? Address { get; set; }
        public List<PublicServed> Public { get; set; } = [];
        public int Version { get; set; }
    }

    public sealed class PointForm
    {
        public string Name { get; set; } = "";
        public string Address { get; set; } = "";
        public string Town { get; set; } = "";
        public string? Phone { get; set; }
        public List<PublicServed> Public { get; set; } = [];
        /// <summary>One text per weekday, Monday first: "09:00-12:00, 13:30-17:00".</summary>
        public string?[] Days { get; set; } = new string?[7];
        public int Version { get; set; }

        public static PointForm From(ReceptionPointView p)
        {
            var slots = p.Hours.Select(h => new OpeningSlot { Day = h.Day, Opens = h.Opens, Closes = h.Closes }).ToList();
            return new PointForm { Name = p.Name, Address = p.Address, Town = p.Town, Phone = p.Phone, Public = p.Public.ToList(),
                Days = OpeningHours.Week.Select(d => (string?)OpeningHours.FormText(slots, d)).ToArray(), Version = p.Version };
        }
    }

    [FromRoute] public Guid? Id { get; set; }
    public IReadOnlyList<ReceptionPointView> Points { get; private set; } = [];
    /// <summary>The networks the Région added, for a structure of type « Autre ».</summary>
    public IReadOnlyList<Networks.NetworkChoice> AddedNetworks { get; private set; } = [];
    [BindProperty] public StructureForm Structure { get; set; } = new();
    public string TerritoryName => territory.Current!.Name;
    public string Territory => territory.Current!.Slug;

    public async Task OnGetAsync(CancellationToken ct)
    {
        user.Demand(NetworkModule.ManageStructuresPermission); // the form itself is for those who may send it
        AddedNetworks = (await mediator.Send(new Networks.ListNetworkChoices(), ct)).Where(n => n.AddedByRegion).ToList();
        if (Id is not { } id) return;
        var view = await mediator.Send(new GetStructure(id), ct);
        Structure = new StructureForm { Name = view.Name, Type = view.Type, Network = view.Network, DepartmentWide = view.DepartmentWide, Town = view.Town, Address = view.Address, Public = view.Public.ToList(), Version = view.Version };
        await LoadAsync(ct);
    }

    // A new structure continues on its own form, where its reception points are added.
    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SubmitThenRedirectAsync(async () =>
    {
        var saved = Id is { } id
            ? await mediator.Send(new UpdateStructure(id, Structure.Name, Structure.Type, Structure.Town, Structure.Address, Structure.Public, Structure.Version, Structure.Network, Structure.DepartmentWide), ct)
            : await mediator.Send(new CreateStructure(Structure.Name, Structure.Type, Structure.Town, Structure.Address, Structure.Public, Structure.Network, Structure.DepartmentWide), ct);
        return ($"Structure « {saved.Name} » enregistrée.", $"/t/{Territory}/structures/edition/{saved.Id}");
    }, nameof(Structure), ct);

    public Task<IActionResult> OnPostAddPointAsync(PointForm point, CancellationToken ct) => SubmitAsync(async () =>
    {
        var added = await mediator.Send(new AddReceptionPoint(Id ?? Guid.Empty, point.Name, point.Address, point.Town, point.Phone, point.Public, Hours(point)), ct);
        return $"Point d'accueil « {added.Name} » ajouté.";
    }, "point", ct);

    public Task<IActionResult> OnPostEditPointAsync(Guid pointId, PointForm point, CancellationToken ct) => SubmitAsync(async () =>
    {
        var saved = await mediator.Send(new UpdateReceptionPoint(pointId, point.Name, point.Address, point.Town, point.Phone, point.Public, Hours(point), point.Version), ct);
        return $"Point d'accueil « {saved.Name} » modifié.";
    }, "point", ct);

    public Task<IActionResult> OnPostRemovePointAsync(Guid pointId, int version, CancellationToken ct) => SubmitAsync(async () =>
    {
        await mediator.Send(new RemoveReceptionPoint(pointId, version), ct);
        return "Point d'accueil supprimé.";
    }, "", ct);

    /// <summary>The days' texts as ranges; a text that cannot be read is refused with the day named.</summary>
    private static List<OpeningRange> Hours(PointForm form)
    {
        var ranges = new List<OpeningRange>();
        for (var i = 0; i < OpeningHours.Week.Count; i++)
        {
            var day = OpeningHours.Week[i];
            var parsed = OpeningHours.ParseDay(form.Days.ElementAtOrDefault(i))
                ?? throw new SproHub.Shared.Errors.RuleViolationException($"days[{i}]", "horaires-format", $"Horaires du {OpeningHours.DayName(day)} illisibles : écrivez par exemple « 09:00-12:00, 13:30-17:00 ».");
            ranges.AddRange(parsed.Select(r => new OpeningRange(day, r.Opens, r.Closes)));
        }
        return ranges;
    }

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        AddedNetworks = (await mediator.Send(new Networks.ListNetworkChoices(), cancellationToken)).Where(n => n.AddedByRegion).ToList();
        if (Id is not { } id) return;
        Points = (await mediator.Send(new Directory.GetDirectoryEntry(id), cancellationToken)).ReceptionPoints;
        if (string.IsNullOrEmpty(Structure.Name))
        {
            // A refused reception point's form: the structure's own form shows what is stored.
            var view = await mediator.Send(new GetStructure(id), cancellationToken);
            Structure = new StructureForm { Name = view.Name, Type = view.Type, Network = view.Network, DepartmentWide = view.DepartmentWide, Town = view.Town, Address = view.Address, Public = view.Public.ToList(), Version = view.Version };
        }
    }
}

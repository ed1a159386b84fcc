using MediatR;
using Microsoft.AspNetCore.Mvc;
using SproHub.Plugins.OrientationModeEmploi.Guide;
using SproHub.Plugins.OrientationModeEmploi.Sheets;
using SproHub.Shared.Pages;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.OrientationModeEmploi.Management.Pages;

public sealed class EditSheetModel(IMediator mediator, ITerritoryContext territory) : FormPageModel
{
    public sealed class SheetForm
    {
        public string Answer { get; set; } = "";
        public string? Modalities { get; set; }
        public string? Contact { get; set; }
        public int? Version { get; set; }
    }

    [FromRoute] public Guid StructureId { get; set; }
    [BindProperty] public SheetForm Sheet { get; set; } = new();
    public StructurePageView View { get; private set; } = null!;
    public string Territory => territory.Current!.Slug;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (View.Sheet is { } s) Sheet = new SheetForm { Answer = s.Answer, Modalities = s.Modalities, Contact = s.Contact, Version = s.Version };
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SubmitAsync(async () =>
    {
        await mediator.Send(new SaveSheet(StructureId, Sheet.Answer, Sheet.Modalities, Sheet.Contact, Sheet.Version), ct);
        return $"Fiche de {View?.Structure.Name ?? "la structure"} enregistrée.";
    }, nameof(Sheet), ct, new { StructureId });

    protected override async Task LoadAsync(CancellationToken cancellationToken) => View = await mediator.Send(new GetStructureSheet(StructureId), cancellationToken);
}

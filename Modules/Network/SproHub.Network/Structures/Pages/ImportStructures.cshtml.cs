using MediatR;
using Microsoft.AspNetCore.Mvc;
using SproHub.Shared.Pages;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Network.Structures.Pages;

/// <summary>Several structures at once from a spreadsheet saved as CSV: all, or none with each wrong line explained.</summary>
public sealed class ImportStructuresModel(IMediator mediator, ICurrentUser user, ITerritoryContext territory) : FormPageModel
{
    [BindProperty] public Microsoft.AspNetCore.Http.IFormFile? Upload { get; set; }
    public string Territory => territory.Current!.Slug;
    public string TerritoryName => territory.Current!.Name;

    public void OnGet() => user.Demand(NetworkModule.ManageStructuresPermission);

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SubmitAsync(async () =>
    {
        if (Upload is null || Upload.Length == 0) throw new SproHub.Shared.Errors.RuleViolationException("fichier", "obligatoire", "Choisissez le fichier CSV à importer.");
        await using var csv = Upload.OpenReadStream();
        var report = await mediator.Send(new ImportStructures(csv), ct);
        return $"{SproHub.Shared.Text.French.Count(report.Imported, "structure importée", "structures importées")} dans {TerritoryName}.";
    }, "", ct);

    protected override Task LoadAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SproHub.Shared.Pages;
using SproHub.Shared.Territories;

namespace SproHub.Host.Admin.Pages;

[Authorize]
public sealed class ModulesModel(IMediator mediator, ITerritoryDirectory directory) : FormPageModel
{
    public IReadOnlyList<ModuleView> Modules { get; private set; } = [];
    public IReadOnlyList<TerritoryInfo> Territories { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostAsync(string moduleId, string territoryId, bool enabled, CancellationToken ct) => SubmitAsync(async () =>
    {
        var result = await mediator.Send(new SetModuleEnablement(moduleId, territoryId, enabled), ct);
        return $"{moduleId} est maintenant {(result.Enabled ? "activé" : "désactivé")} pour {territoryId}.";
    }, "", ct);

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Modules = await mediator.Send(new ListModules(), ct);
        Territories = (await directory.ListAsync(ct)).Where(t => t.Kind == TerritoryKind.LocalSpro).ToList();
    }
}

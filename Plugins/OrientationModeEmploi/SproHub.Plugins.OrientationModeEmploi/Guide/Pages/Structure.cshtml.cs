using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.OrientationModeEmploi.Guide.Pages;

/// <summary>A structure's sheet: what it answers, how, how to reach it, and the questions it takes.</summary>
public sealed class StructureModel(IMediator mediator, ICurrentUser user, ITerritoryContext territory) : PageModel
{
    public StructurePageView View { get; private set; } = null!;
    public string Territory => territory.Current!.Slug;
    public bool CanManage => user.Can(OrientationModeEmploiModule.ManagePermission);

    public async Task OnGetAsync(Guid structureId, CancellationToken ct) => View = await mediator.Send(new GetStructureSheet(structureId), ct);
}

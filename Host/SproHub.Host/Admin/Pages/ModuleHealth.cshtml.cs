using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SproHub.Host.Admin.Pages;

[Authorize]
public sealed class ModuleHealthModel(IMediator mediator) : PageModel
{
    public ModuleHealthView Health { get; private set; } = null!;

    public async Task OnGetAsync(string moduleId, CancellationToken ct) => Health = await mediator.Send(new GetModuleHealth(moduleId), ct);
}

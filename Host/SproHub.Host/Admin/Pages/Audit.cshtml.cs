using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SproHub.Host.Admin.Pages;

[Authorize]
public sealed class AuditModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "module")] public string? ModuleId { get; set; }
    [BindProperty(SupportsGet = true, Name = "territoire")] public string? TerritoryId { get; set; }
    public IReadOnlyList<AuditView> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Entries = await mediator.Send(new ReadAuditLog(ModuleId, TerritoryId), ct);
}

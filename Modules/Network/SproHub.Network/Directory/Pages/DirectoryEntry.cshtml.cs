using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SproHub.Network.Directory.Pages;

[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = DirectoryCache.Policy)]
public sealed class DirectoryEntryModel(IMediator mediator, SproHub.Shared.Security.ICurrentUser user) : PageModel
{
    public DirectoryEntry Entry { get; private set; } = null!;

    /// <summary>The Région, or the coordinator of the structure's local SPRO.</summary>
    public bool CanManage => user.IsRegionAdministrator || user.HasRole(SproHub.Shared.Security.SproRoles.TerritoryCoordinator, Entry.TerritoryId);

    public async Task OnGetAsync(Guid id, CancellationToken ct) => Entry = await mediator.Send(new GetDirectoryEntry(id), ct);
}

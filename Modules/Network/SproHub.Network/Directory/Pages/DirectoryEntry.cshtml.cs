using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SproHub.Network.Directory.Pages;

public sealed class DirectoryEntryModel(IMediator mediator) : PageModel
{
    public DirectoryEntry Entry { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct) => Entry = await mediator.Send(new GetDirectoryEntry(id), ct);
}

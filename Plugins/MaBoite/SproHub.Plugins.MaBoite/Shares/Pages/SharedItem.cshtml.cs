using Microsoft.AspNetCore.Authorization;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.MaBoite.Shares.Pages;

/// <summary>One share as the agent sees it: its documents, and with an editable share the form to add one.</summary>
[Authorize] // the host's cookie sends a signed-out visitor to the login page, and back
public sealed class SharedItemModel(IMediator mediator, ITerritoryContext territory) : PageModel
{
    public string Territory => territory.Current!.Slug;
    public ShareContents Contents { get; private set; } = null!;
    [TempData] public string? Message { get; set; }
    [TempData] public string? Refusal { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Contents = await mediator.Send(new OpenShare(id), ct);
        return Page();
    }

    public string ContentUrl(Guid document, bool inline = false) =>
        $"/api/territories/{Territory}/ma-boite/shared-with-me/{Contents.Share.Id}/documents/{document}/content" + (inline ? "?inline=true" : "");
}

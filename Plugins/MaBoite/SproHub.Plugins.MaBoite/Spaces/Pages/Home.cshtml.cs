using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.MaBoite.Spaces.Pages;

/// <summary>What ma boîte SPRO is, with the way in: a person with a space goes straight to it.</summary>
public sealed class HomeModel(ICurrentUser user, ITerritoryContext territory) : PageModel
{
    public string Territory => territory.Current!.Slug;
    public string TerritoryName => territory.Current!.Name;
    /// <summary>A goodbye after a deletion, for instance.</summary>
    [TempData] public string? Message { get; set; }
    public bool ReceivesShares => user.IsAuthenticated && user.Can(MaBoiteModule.ReceiveSharesPermission);

    public IActionResult OnGet() =>
        user.HasRole(MaBoiteModule.CitizenRole, Territory) ? Redirect($"/t/{Territory}/ma-boite/fichiers") : Page();
}

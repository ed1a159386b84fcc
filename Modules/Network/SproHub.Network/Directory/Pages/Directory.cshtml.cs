using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SproHub.Network.Structures;
using SproHub.Shared.Pages;
using SproHub.Shared.Territories;

namespace SproHub.Network.Directory.Pages;

/// <summary>The public directory: anyone finds a structure of the SPRO by name, town, type or local SPRO.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = DirectoryCache.Policy)]
public sealed class DirectoryModel(IMediator mediator, ITerritoryDirectory territories) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true, Name = "type")] public string? Type { get; set; }
    [BindProperty(SupportsGet = true, Name = "territoire")] public string? Territory { get; set; }
    [BindProperty(SupportsGet = true, Name = "public")] public string? Public { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public DirectoryPage? Results { get; private set; }
    public IReadOnlyList<TerritoryInfo> LocalSpros { get; private set; } = [];
    public IReadOnlyList<Networks.NetworkChoice> Networks { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        LocalSpros = (await territories.ListAsync(ct)).Where(t => t.Kind == TerritoryKind.LocalSpro).ToList();
        Networks = await mediator.Send(new Networks.ListNetworkChoices(), ct); // labels only: counting groups the whole directory
        try
        {
            Results = await mediator.Send(new SearchDirectory(Query, Type, Territory, PageNumber, Public), ct);
        }
        catch (Exception ex) when (ModelState.TryAddRefusal(ex, ""))
        {
            // the reasons are shown beside the fields
        }
    }

    public string ExportUrl(string format) =>
        $"/api/network/directory/export.{format}?q={Uri.EscapeDataString(Query ?? "")}&type={Uri.EscapeDataString(Type ?? "")}&territory={Uri.EscapeDataString(Territory ?? "")}&public={Uri.EscapeDataString(Public ?? "")}";

    public string PageUrl(int page) =>
        $"/annuaire?q={Uri.EscapeDataString(Query ?? "")}&type={Uri.EscapeDataString(Type ?? "")}&territoire={Uri.EscapeDataString(Territory ?? "")}&public={Uri.EscapeDataString(Public ?? "")}&page={page}";
}

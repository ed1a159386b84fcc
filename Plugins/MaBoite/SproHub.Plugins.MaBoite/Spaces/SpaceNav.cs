using System.Net;
using Microsoft.AspNetCore.Html;

namespace SproHub.Plugins.MaBoite.Spaces;

/// <summary>The person's pages, the current one marked (one definition for all of them).</summary>
public static class SpaceNav
{
    private static readonly (string Path, string Label)[] Pages =
        [("fichiers", "Mes fichiers"), ("actualites", "Actualités et ressources"), ("mes-partages", "Mes partages"), ("corbeille", "Corbeille"), ("mes-donnees", "Mes données")];

    public static IHtmlContent Render(string territory, string current) => new HtmlString(
        "<nav aria-label=\"Dans ma boîte SPRO\"><ul class=\"inline\">"
        + string.Concat(Pages.Select(p => $"<li><a href=\"/t/{WebUtility.HtmlEncode(territory)}/ma-boite/{p.Path}\"{(p.Path == current ? " aria-current=\"page\"" : "")}>{p.Label}</a></li>"))
        + "</ul></nav>");
}

using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TestPlugins.Throwing.Pages;

public sealed class FailingModel : PageModel
{
    public void OnGet() => throw new InvalidOperationException("panne de la page");
}

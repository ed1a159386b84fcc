using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SproHub.Shared.Pages;

/// <summary>
/// A page whose forms each send one request: on success, a message and a redirect (post-redirect-get);
/// on a refusal, the page again with the reasons beside the fields.
/// </summary>
public abstract class FormPageModel : PageModel
{
    [TempData] public string? Message { get; set; }

    /// <summary>Loads what the page shows; called again when a form is refused.</summary>
    protected abstract Task LoadAsync(CancellationToken cancellationToken);

    protected async Task<IActionResult> SubmitAsync(Func<Task<string>> action, string fieldPrefix, CancellationToken cancellationToken, object? routeValues = null)
    {
        ModelState.Clear(); // each form is judged by its request's own rules
        try
        {
            Message = await action();
            return RedirectToPage(routeValues);
        }
        catch (Exception ex) when (ModelState.TryAddRefusal(ex, fieldPrefix))
        {
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    /// <summary>As <see cref="SubmitAsync"/>, for a form whose next page is known only after it succeeded
    /// (the page of what it created): the action returns the message and that local address.</summary>
    protected async Task<IActionResult> SubmitThenRedirectAsync(Func<Task<(string Message, string Url)>> action, string fieldPrefix, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        try
        {
            var (message, url) = await action();
            Message = message;
            return LocalRedirect(url);
        }
        catch (Exception ex) when (ModelState.TryAddRefusal(ex, fieldPrefix))
        {
            await LoadAsync(cancellationToken);
            return Page();
        }
    }
}

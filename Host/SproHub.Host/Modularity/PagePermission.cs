using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using SproHub.Shared.Security;

namespace SproHub.Host.Modularity;

/// <summary>
/// A page model marked <see cref="RequiresPermissionAttribute"/> (with the permission of the request its form sends)
/// is refused as that request would be, before it renders: a signed-out visitor goes to the sign-in page and comes
/// back, a person without the permission in this territory gets the 403 page. Without it a page with an empty
/// <c>OnGet</c> showed its form to anyone, and only the post was refused.
/// </summary>
public sealed class PagePermissionFilter(string permission) : IAsyncPageFilter
{
    public string Permission { get; } = permission;

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var user = context.HttpContext.RequestServices.GetRequiredService<ICurrentUser>();
        if (user.IsAuthenticated && user.Can(Permission)) return next();
        context.Result = user.IsAuthenticated ? new StatusCodeResult(StatusCodes.Status403Forbidden) : new ChallengeResult();
        return Task.CompletedTask;
    }
}

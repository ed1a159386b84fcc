using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SproHub.Shared.Errors;

namespace SproHub.Host.Errors.Pages;

/// <summary>The French error page for people (the API answers problem details instead).</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }
    public string Message { get; private set; } = "";

    public IActionResult OnGet(int? code) => Render(code);
    public IActionResult OnPost(int? code) => Render(code);

    private IActionResult Render(int? code)
    {
        var exception = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        var problem = exception is null ? null : Platform.Errors.ProblemDetailsExceptionHandler.ToProblem(exception);
        Status = code ?? problem?.Status ?? 500;
        if (Status == 401)
            return Redirect($"/compte/connexion?ReturnUrl={Uri.EscapeDataString(HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? "/")}");
        Message = exception is SproException or FluentValidation.ValidationException && problem?.Detail is { } detail ? detail : Status switch
        {
            404 => "Cette page n'existe pas, ou n'est pas disponible dans ce territoire.",
            403 => "Vous n'avez pas accès à cette page.",
            400 => "La demande est incomplète ou mal formée.",
            429 => "Trop de tentatives en peu de temps depuis votre connexion : patientez une minute, puis réessayez.",
            _ => "Une erreur inattendue est survenue. Elle a été enregistrée ; réessayez dans un instant.",
        };
        Response.StatusCode = Status;
        return Page();
    }
}

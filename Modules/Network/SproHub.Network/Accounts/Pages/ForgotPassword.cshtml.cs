using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SproHub.Network.Accounts.Pages;

/// <summary>Asks for a link to choose a new password; says the same for an unknown address.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(SproHub.Network.Accounts.SignIn.SignInThrottle.Policy)]
public sealed class ForgotPasswordModel(AccountRegistry accounts) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Saisissez votre adresse e-mail."), EmailAddress(ErrorMessage = "Cette adresse e-mail n'est pas valide."), Display(Name = "Adresse e-mail")]
    public string Email { get; set; } = "";

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid) return Page();
        await accounts.SendPasswordLinkAsync(Email, Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null, cancellationToken);
        Sent = true;
        return Page();
    }
}

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SproHub.Shared.Errors;

namespace SproHub.Network.Accounts.Pages;

/// <summary>The link of the confirmation e-mail: confirms the address and lets the person in; a dead link offers a new one.</summary>
public sealed class ConfirmEmailModel(AccountRegistry accounts, SignInManager<SproUser> signIn) : PageModel
{
    [BindProperty, EmailAddress(ErrorMessage = "Cette adresse e-mail n'est pas valide."), Required(ErrorMessage = "Saisissez votre adresse e-mail."), Display(Name = "Adresse e-mail")]
    public string Email { get; set; } = "";

    public string? Refusal { get; private set; }
    public bool Resent { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? userId, string? token, string? returnUrl)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(token)) return Page();
        try
        {
            var user = await accounts.ConfirmAsync(userId, token);
            await signIn.SignInAsync(user, isPersistent: false);
            return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
        }
        catch (RuleViolationException refusal)
        {
            Refusal = refusal.Message;
            return Page();
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid) return Page();
        await accounts.ResendConfirmationAsync(Email, cancellationToken);
        Resent = true;
        return Page();
    }
}

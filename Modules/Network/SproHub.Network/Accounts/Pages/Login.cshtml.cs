using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SproHub.Network.Accounts.Pages;

public sealed class LoginModel(SignInManager<SproUser> signIn) : PageModel
{
    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Saisissez votre adresse e-mail.")]
        [EmailAddress(ErrorMessage = "Cette adresse e-mail n'est pas valide.")]
        [Display(Name = "Adresse e-mail")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Saisissez votre mot de passe.")]
        [DataType(DataType.Password)]
        [Display(Name = "Mot de passe")]
        public string Password { get; set; } = "";
    }

    [BindProperty] public LoginInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await signIn.UserManager.FindByEmailAsync(Input.Email);
        var result = user is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed : await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        ModelState.AddModelError("", LoginRefusal.Of(result));
        AwaitsConfirmation = result.IsNotAllowed;
        return Page();
    }

    /// <summary>The account exists but its address is not confirmed yet: the page offers the link again.</summary>
    public bool AwaitsConfirmation { get; private set; }
}

/// <summary>Why a sign-in was refused, in words a person can act on.</summary>
public static class LoginRefusal
{
    public static string Of(Microsoft.AspNetCore.Identity.SignInResult result) =>
        result.IsLockedOut ? "Compte verrouillé après trop d'essais : réessayez dans quelques minutes, ou choisissez un nouveau mot de passe."
        : result.IsNotAllowed ? "Votre adresse e-mail n'est pas encore confirmée : suivez le lien reçu à l'inscription."
        : "E-mail ou mot de passe incorrect.";
}

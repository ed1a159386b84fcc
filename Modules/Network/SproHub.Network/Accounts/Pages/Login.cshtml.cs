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
        ModelState.AddModelError("", result.IsLockedOut
            ? "Compte verrouillé après trop d'essais : réessayez dans quelques minutes."
            : "E-mail ou mot de passe incorrect.");
        return Page();
    }
}

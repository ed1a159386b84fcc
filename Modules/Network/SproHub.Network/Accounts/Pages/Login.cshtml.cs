using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using SproHub.Network.Accounts.SignIn;

namespace SproHub.Network.Accounts.Pages;

[EnableRateLimiting(SignInThrottle.Policy)]
public sealed class LoginModel(PasswordSignIn passwords) : PageModel
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
        var result = await passwords.CheckAsync(Input.Email, Input.Password, IdentityConstants.ApplicationScheme);
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        ModelState.AddModelError("", PasswordSignIn.Refusal(result));
        AwaitsConfirmation = result.IsNotAllowed;
        return Page();
    }

    /// <summary>The account exists but its address is not confirmed yet: the page offers the link again.</summary>
    public bool AwaitsConfirmation { get; private set; }
}

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SproHub.Shared.Pages;

namespace SproHub.Network.Accounts.Pages;

/// <summary>Choosing a password through an e-mailed link (a forgotten one, or an invitation); signs the person in.</summary>
public sealed class SetPasswordModel(AccountRegistry accounts, SignInManager<SproUser> signIn) : PageModel
{
    [BindProperty(SupportsGet = true)] public string UserId { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string Token { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    [BindProperty, Required(ErrorMessage = "Choisissez un mot de passe."), DataType(DataType.Password), Display(Name = "Nouveau mot de passe")]
    public string Password { get; set; } = "";

    [BindProperty, Compare(nameof(Password), ErrorMessage = "Les deux saisies ne sont pas identiques."), DataType(DataType.Password), Display(Name = "Le même, une seconde fois")]
    public string Confirmation { get; set; } = "";

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        try
        {
            var user = await accounts.SetPasswordAsync(UserId, Token, Password);
            await signIn.SignInAsync(user, isPersistent: false);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        catch (Exception ex) when (ModelState.TryAddRefusal(ex, ""))
        {
            // "password" is the field's own name here; a dead link shows above the form.
            if (ModelState.TryGetValue("Token", out var token)) foreach (var error in token.Errors) ModelState.AddModelError("", error.ErrorMessage);
            return Page();
        }
    }
}

using Microsoft.AspNetCore.Identity;

namespace SproHub.Network.Accounts.SignIn;

/// <summary>
/// Checks an e-mail and password, for the sign-in page and the token endpoint alike, so that neither the answer nor its
/// time tells whether an account exists: an unknown address, a locked or unconfirmed account all cost one password hash,
/// and only the right password learns that the address awaits confirmation.
/// </summary>
public sealed class PasswordSignIn(SignInManager<SproUser> signIn)
{
    private static readonly SproUser Decoy = new() { DisplayName = "" };
    // A hash of nothing in particular, made by the configured hasher (same cost), verified when no account's hash is.
    private static string? _decoyHash;

    public async Task<SignInResult> CheckAsync(string email, string password, string scheme)
    {
        signIn.AuthenticationScheme = scheme;
        var user = await signIn.UserManager.FindByEmailAsync(email);
        if (user is null)
        {
            VerifyDecoy(password);
            return SignInResult.Failed;
        }
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        // Identity refuses these before looking at the password: look at it, for the time and for the answer.
        if (result.IsNotAllowed) return await signIn.UserManager.CheckPasswordAsync(user, password) ? result : SignInResult.Failed;
        if (result.IsLockedOut) VerifyDecoy(password);
        return result;
    }

    private void VerifyDecoy(string password)
    {
        var hasher = signIn.UserManager.PasswordHasher;
        hasher.VerifyHashedPassword(Decoy, _decoyHash ??= hasher.HashPassword(Decoy, Guid.NewGuid().ToString()), password);
    }

    /// <summary>Why a sign-in was refused, in words a person can act on; a locked account is not told apart from a wrong password.</summary>
    public static string Refusal(SignInResult result) =>
        result.IsNotAllowed ? "Votre adresse e-mail n'est pas encore confirmée : suivez le lien reçu à l'inscription."
        : "E-mail ou mot de passe incorrect. Après dix essais manqués, le compte est bloqué quelques minutes : "
          + "réessayez plus tard, ou choisissez un nouveau mot de passe.";
}

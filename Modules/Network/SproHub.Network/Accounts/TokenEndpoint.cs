using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using SproHub.Shared.Errors;
using SproHub.Shared.Modularity;

namespace SproHub.Network.Accounts;

/// <summary>API clients exchange an e-mail and password for a bearer token (<c>Authorization: Bearer …</c>).</summary>
internal static class TokenEndpoint
{
    public sealed record TokenRequest(string Email, string Password);

    public static void Map(ModuleEndpoints endpoints) =>
        endpoints.Api.MapPost("/auth/token", async (TokenRequest request, SignInManager<SproUser> signIn) =>
        {
            if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrWhiteSpace(request.Password))
                throw new RuleViolationException(string.IsNullOrWhiteSpace(request.Email) ? "email" : "password", "obligatoire", "L'e-mail et le mot de passe sont obligatoires.");
            signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
            var user = await signIn.UserManager.FindByEmailAsync(request.Email);
            var result = user is null ? SignInResult.Failed : await signIn.PasswordSignInAsync(user, request.Password, isPersistent: false, lockoutOnFailure: true);
            if (!result.Succeeded) throw new NotAuthenticatedException(Pages.LoginRefusal.Of(result));
            return TypedResults.Empty; // the bearer handler has written the token.
        }).AllowAnonymous().WithSummary("Obtenir un jeton d'accès pour l'API");
}

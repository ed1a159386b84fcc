using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using SproHub.Shared.Errors;
using SproHub.Shared.Modularity;

namespace SproHub.Network.Accounts.SignIn;

/// <summary>
/// API clients exchange an e-mail and password for a short-lived bearer token and a refresh token; the refresh token
/// gives a new pair as long as the account is as it was (same password, not deleted, not locked).
/// </summary>
internal static class TokenEndpoint
{
    public sealed record TokenRequest(string Email, string Password);
    public sealed record RefreshRequest(string RefreshToken);

    public static void Map(ModuleEndpoints endpoints)
    {
        var auth = endpoints.Api.MapGroup("/auth").AllowAnonymous().RequireRateLimiting(SignInThrottle.Policy);
        auth.MapPost("/token", async (TokenRequest request, PasswordSignIn passwords) =>
        {
            if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrWhiteSpace(request.Password))
                throw new RuleViolationException(string.IsNullOrWhiteSpace(request.Email) ? "email" : "password", "obligatoire", "L'e-mail et le mot de passe sont obligatoires.");
            var result = await passwords.CheckAsync(request.Email, request.Password, IdentityConstants.BearerScheme);
            if (!result.Succeeded) throw new NotAuthenticatedException(PasswordSignIn.Refusal(result));
            return TypedResults.Empty; // the bearer handler has written the token.
        }).WithSummary("Obtenir un jeton d'accès pour l'API (et un jeton de renouvellement)");

        auth.MapPost("/refresh", async Task<IResult> (RefreshRequest request, SignInManager<SproUser> signIn, IOptionsMonitor<BearerTokenOptions> options, TimeProvider clock) =>
        {
            var ticket = options.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
            if (ticket?.Properties.ExpiresUtc is not { } expires || expires < clock.GetUtcNow()
                || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
                throw new NotAuthenticatedException("Ce jeton de renouvellement n'est plus valable : demandez un nouveau jeton avec l'e-mail et le mot de passe.");
            return TypedResults.SignIn(await signIn.CreateUserPrincipalAsync(user), authenticationScheme: IdentityConstants.BearerScheme);
        }).WithSummary("Renouveler le jeton d'accès avec le jeton de renouvellement");
    }
}

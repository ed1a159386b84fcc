using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SproHub.Shared.Errors;

namespace SproHub.Network.Accounts;

/// <summary>The account links of the e-mails, for API clients: the same as the pages under <c>/compte</c>.</summary>
internal static class AccountEndpoints
{
    public sealed record EmailRequest(string? Email);
    public sealed record TokenRequest(string? UserId, string? Token);
    public sealed record PasswordRequest(string? UserId, string? Token, string? Password);

    public static void Map(IEndpointRouteBuilder api)
    {
        var auth = api.MapGroup("/auth").AllowAnonymous().RequireRateLimiting(SignIn.SignInThrottle.Policy);
        auth.MapPost("/password-reset", async (EmailRequest request, AccountRegistry accounts, CancellationToken ct) =>
        {
            await accounts.SendPasswordLinkAsync(RequiredEmail(request.Email), null, ct);
            return TypedResults.Accepted((string?)null);
        }).WithSummary("Recevoir par e-mail un lien pour choisir un nouveau mot de passe (même réponse pour une adresse inconnue)");
        auth.MapPost("/confirmation/resend", async (EmailRequest request, AccountRegistry accounts, CancellationToken ct) =>
        {
            await accounts.ResendConfirmationAsync(RequiredEmail(request.Email), ct);
            return TypedResults.Accepted((string?)null);
        }).WithSummary("Recevoir de nouveau le lien de confirmation d'un compte qui l'attend");
        auth.MapPost("/confirmation", async (TokenRequest request, AccountRegistry accounts) =>
        {
            await accounts.ConfirmAsync(Required(request.UserId, "userId"), Required(request.Token, "token"));
            return TypedResults.NoContent();
        }).WithSummary("Confirmer l'adresse d'un compte (lien de l'e-mail)");
        auth.MapPost("/password", async (PasswordRequest request, AccountRegistry accounts) =>
        {
            await accounts.SetPasswordAsync(Required(request.UserId, "userId"), Required(request.Token, "token"), Required(request.Password, "password"));
            return TypedResults.NoContent();
        }).WithSummary("Choisir son mot de passe avec le lien reçu (oubli ou invitation)");
    }

    private static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new RuleViolationException(field, "obligatoire", $"« {field} » est obligatoire.") : value;

    private static string RequiredEmail(string? email) =>
        new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(Required(email, "email")) ? email!
            : throw new RuleViolationException("email", "adresse-valide", "Cette adresse e-mail n'est pas valide.");
}

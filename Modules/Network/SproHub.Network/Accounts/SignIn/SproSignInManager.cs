using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SproHub.Network.Accounts.SignIn;

/// <summary>
/// A cookie or token stands for the account as it was when issued: its security stamp changes with the password and the
/// roles, a deleted account has none, and a locked account is refused too.
/// </summary>
public sealed class SproSignInManager(
    UserManager<SproUser> users, IHttpContextAccessor http, IUserClaimsPrincipalFactory<SproUser> claims, IOptions<IdentityOptions> options,
    ILogger<SignInManager<SproUser>> logger, IAuthenticationSchemeProvider schemes, IUserConfirmation<SproUser> confirmation)
    : SignInManager<SproUser>(users, http, claims, options, logger, schemes, confirmation)
{
    public override async Task<SproUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal) =>
        await base.ValidateSecurityStampAsync(principal) is { } user && !await UserManager.IsLockedOutAsync(user) ? user : null;
}

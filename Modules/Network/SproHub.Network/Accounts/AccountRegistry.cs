using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using SproHub.Network.Data;
using SproHub.Shared.Data;
using SproHub.Shared.Errors;
using SproHub.Shared.Notifications;
using SproHub.Shared.Security;

namespace SproHub.Network.Accounts;

/// <summary>Accounts a plugin opens for people outside the network, and the e-mails that go with every account.</summary>
public sealed class AccountRegistry(
    UserManager<SproUser> users, SignInManager<SproUser> signIn, IHttpContextAccessor http, NetworkDbContext db, INotifier notifier, TimeProvider clock)
    : IAccountRegistry
{
    /// <summary>Account messages are not a kind one can turn off: nobody would receive their password link otherwise.</summary>
    public const string AccountMailKind = "network.account";

    private static readonly string[] CoreRoles =
        [SproRoles.RegionAdministrator, SproRoles.RegionFinance, SproRoles.TerritoryCoordinator, SproRoles.StructureMember];

    public async Task<string?> RegisterAsync(AccountRequest request, string password, CancellationToken cancellationToken = default)
    {
        var email = CheckRequest(request);
        // Same rules and same work whether the address has an account or not: neither the answer nor its time tells.
        var user = new SproUser { UserName = email, Email = email, DisplayName = request.DisplayName.Trim() };
        foreach (var validator in users.PasswordValidators) Check(await validator.ValidateAsync(users, user, password));
        if (await users.FindByEmailAsync(email) is { } existing)
        {
            users.PasswordHasher.HashPassword(existing, password);
            Mail(existing, "Vous avez déjà un compte SPRO Hub",
                "Quelqu'un (sans doute vous) a demandé à ouvrir un compte avec cette adresse, qui en a déjà un : rien n'a été créé.\n\n"
                + "Connectez-vous avec votre mot de passe habituel ; si vous l'avez oublié, choisissez-en un nouveau depuis la page de connexion.",
                "/compte/connexion?returnUrl=" + Uri.EscapeDataString(request.WelcomePath));
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        Check(await users.CreateAsync(user, password));
        db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, TerritoryId = request.TerritoryId, Role = request.Role });
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        Mail(user, "Confirmez votre adresse pour ouvrir votre compte",
            "Votre compte SPRO Hub est presque prêt. Pour l'ouvrir, confirmez votre adresse e-mail en suivant le lien ci-dessous (valable 24 heures).\n\n"
            + "Si vous n'avez rien demandé, ignorez ce message : le compte ne sera pas ouvert.",
            LinkWithToken("/compte/confirmation", user.Id, token, request.WelcomePath));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return user.Id;
    }

    public async Task<string> InviteAsync(AccountRequest request, string invitedBy, CancellationToken cancellationToken = default)
    {
        var email = CheckRequest(request);
        if (await users.FindByEmailAsync(email) is { } existing)
        {
            await AddRoleAsync(existing.Id, request.TerritoryId, request.Role, cancellationToken);
            Mail(existing, $"{invitedBy} vous invite sur SPRO Hub",
                $"{invitedBy} vous a ouvert un espace sur SPRO Hub. Connectez-vous avec votre compte habituel pour le retrouver.",
                "/compte/connexion?returnUrl=" + Uri.EscapeDataString(request.WelcomePath));
            await db.SaveChangesAsync(cancellationToken);
            return existing.Id;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = new SproUser { UserName = email, Email = email, DisplayName = request.DisplayName.Trim() };
        Check(await users.CreateAsync(user));
        db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, TerritoryId = request.TerritoryId, Role = request.Role });
        var token = await users.GeneratePasswordResetTokenAsync(user);
        Mail(user, $"{invitedBy} vous invite sur SPRO Hub",
            $"{invitedBy} vous a ouvert un espace personnel sur SPRO Hub, le service public régional de l'orientation.\n\n"
            + "Pour y entrer, choisissez votre mot de passe en suivant le lien ci-dessous (valable 24 heures ; passé ce délai, "
            + "demandez un nouveau lien depuis « Mot de passe oublié » sur la page de connexion).",
            LinkWithToken("/compte/mot-de-passe", user.Id, token, request.WelcomePath));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return user.Id;
    }

    public async Task GrantAsync(string userId, string territoryId, string role, CancellationToken cancellationToken = default)
    {
        CheckRole(role);
        var user = await users.FindByIdAsync(userId) ?? throw new NotFoundException("Compte introuvable.");
        if (!await AddRoleAsync(userId, territoryId, role, cancellationToken)) return;
        await db.SaveChangesAsync(cancellationToken);
        // The cookie carries the roles: a person who just opened a space uses it on the next page, not at the next sign-in.
        if (IsSignedInByCookie(userId)) await signIn.RefreshSignInAsync(user);
    }

    public async Task<IReadOnlyList<AccountInfo>> FindAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken = default) =>
        await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new AccountInfo(u.Id, u.Email!, u.DisplayName, u.EmailConfirmed)).ToListAsync(cancellationToken);

    public async Task<AccountInfo?> FindByEmailAsync(string email, CancellationToken cancellationToken = default) =>
        await users.FindByEmailAsync(email.Trim()) is { } user ? new AccountInfo(user.Id, user.Email!, user.DisplayName, user.EmailConfirmed) : null;

    public async Task DeleteAsync(string userId, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId) ?? throw new NotFoundException("Compte introuvable.");
        db.RoleAssignments.RemoveRange(await db.RoleAssignments.Where(r => r.UserId == userId).ToListAsync(cancellationToken));
        db.AddIntegrationEvent(new AccountDeleted(Guid.NewGuid(), clock.GetUtcNow(), userId, user.Email!));
        Check(await users.DeleteAsync(user)); // saves the roles' removal and the event with it
        if (IsSignedInByCookie(userId)) await signIn.SignOutAsync();
    }

    /// <summary>A link to choose a new password, sent to an existing account (forgotten password); silent for an unknown address.</summary>
    public async Task SendPasswordLinkAsync(string email, string? returnUrl, CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(email.Trim()) is not { } user) return;
        var token = await users.GeneratePasswordResetTokenAsync(user);
        Mail(user, "Choisir un nouveau mot de passe",
            "Vous avez demandé à changer le mot de passe de votre compte SPRO Hub. Suivez le lien ci-dessous (valable 24 heures) pour en choisir un nouveau.\n\n"
            + "Si vous n'avez rien demandé, ignorez ce message : votre mot de passe reste le même.",
            LinkWithToken("/compte/mot-de-passe", user.Id, token, returnUrl ?? "/"));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The confirmation link again, for an account still waiting for it; silent otherwise.</summary>
    public async Task ResendConfirmationAsync(string email, CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(email.Trim()) is not { EmailConfirmed: false } user) return;
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        Mail(user, "Confirmez votre adresse pour ouvrir votre compte",
            "Voici un nouveau lien pour confirmer votre adresse et ouvrir votre compte SPRO Hub (valable 24 heures).",
            LinkWithToken("/compte/confirmation", user.Id, token, await WelcomePathAsync(user.Id, cancellationToken)));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Confirms the address; a wrong or expired link is refused on <c>token</c>.</summary>
    public async Task<SproUser> ConfirmAsync(string userId, string token)
    {
        var user = await users.FindByIdAsync(userId) ?? throw InvalidLink();
        if (user.EmailConfirmed) return user;
        var result = await users.ConfirmEmailAsync(user, token);
        if (!result.Succeeded) throw InvalidLink();
        return user;
    }

    /// <summary>Sets the password chosen through a link (forgotten password or invitation), which also proves the address.</summary>
    public async Task<SproUser> SetPasswordAsync(string userId, string token, string password)
    {
        var user = await users.FindByIdAsync(userId) ?? throw InvalidLink();
        var result = await users.ResetPasswordAsync(user, token, password);
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))) throw InvalidLink();
        Check(result);
        if (!user.EmailConfirmed)
        {
            user.EmailConfirmed = true;
            Check(await users.UpdateAsync(user));
        }
        await users.ResetAccessFailedCountAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        return user;
    }

    private static RuleViolationException InvalidLink() =>
        new("token", "lien-valide", "Ce lien n'est plus valable (déjà utilisé ou plus de 24 heures) : demandez-en un nouveau.");

    /// <summary>The request comes from this person's browser (not an API client, nor a background job).</summary>
    private bool IsSignedInByCookie(string userId) =>
        http.HttpContext is { } context && context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value == userId
        && context.Request.Headers.Authorization.FirstOrDefault()?.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) != true;

    private async Task<string> WelcomePathAsync(string userId, CancellationToken cancellationToken) =>
        await db.RoleAssignments.AsNoTracking().Where(r => r.UserId == userId).Select(r => r.TerritoryId).FirstOrDefaultAsync(cancellationToken) is { } territory
            && territory != SproRoles.RegionScope ? $"/t/{territory}" : "/";

    private async Task<bool> AddRoleAsync(string userId, string territoryId, string role, CancellationToken cancellationToken)
    {
        if (await db.RoleAssignments.AnyAsync(r => r.UserId == userId && r.TerritoryId == territoryId && r.Role == role, cancellationToken)) return false;
        db.RoleAssignments.Add(new RoleAssignment { UserId = userId, TerritoryId = territoryId, Role = role });
        return true;
    }

    private string CheckRequest(AccountRequest request)
    {
        CheckRole(request.Role);
        if (string.IsNullOrWhiteSpace(request.DisplayName))
            throw new RuleViolationException("displayName", "obligatoire", "Indiquez votre nom ou prénom.");
        var email = request.Email.Trim();
        if (!new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email) || email.Length > 254)
            throw new RuleViolationException("email", "adresse-valide", "Cette adresse e-mail n'est pas valide.");
        if (!request.WelcomePath.StartsWith('/') || request.WelcomePath.StartsWith("//", StringComparison.Ordinal))
            throw new ArgumentException("Le chemin d'accueil doit être un chemin local.", nameof(request));
        return email;
    }

    private static void CheckRole(string role)
    {
        if (CoreRoles.Contains(role) || string.IsNullOrWhiteSpace(role))
            throw new ForbiddenException($"Un plugin ne peut pas donner le rôle « {role} ».");
    }

    private void Check(IdentityResult result)
    {
        if (result.Succeeded) return;
        db.ChangeTracker.Clear();
        var error = result.Errors.First();
        var field = error.Code.StartsWith("Password", StringComparison.Ordinal) ? "password"
            : error.Code.Contains("Email", StringComparison.Ordinal) || error.Code.Contains("UserName", StringComparison.Ordinal) ? "email" : "account";
        throw new RuleViolationException(field, error.Code, string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    private void Mail(SproUser user, string subject, string body, string link) =>
        notifier.Queue(db, new Notification(NetworkModule.Id, AccountMailKind, null, [new NotificationRecipient(user.Email!, user.DisplayName)], subject, body, link));

    private static string LinkWithToken(string page, string userId, string token, string returnUrl) =>
        QueryHelpers.AddQueryString(page, new Dictionary<string, string?> { ["userId"] = userId, ["token"] = token, ["returnUrl"] = returnUrl });
}

using SproHub.Shared.Events;

namespace SproHub.Shared.Security;

/// <summary>
/// Accounts opened by a plugin for people outside the network (the citizens of ma boîte SPRO): the Network module
/// owns sign-in and sends the account e-mails (confirmation, invitation, password); the plugin keeps its own data
/// by the returned user id. A plugin may grant only its own roles, never a core one (coordinator, member, Région).
/// </summary>
public interface IAccountRegistry
{
    /// <summary>
    /// Opens an account awaiting the confirmation of its e-mail, with the role in the territory, and sends the
    /// confirmation link (which leads to <see cref="AccountRequest.WelcomePath"/>). An address that already has an
    /// account gets an e-mail saying so instead and nothing is created: the answer is the same either way, so that
    /// nobody learns from it who has an account. Refusals (password, e-mail) are <see cref="Errors.RuleViolationException"/>.
    /// </summary>
    /// <returns>The new account's id, or null when the address already had one.</returns>
    Task<string?> RegisterAsync(AccountRequest request, string password, CancellationToken cancellationToken = default);

    /// <summary>
    /// Invites someone: an account without a password (or the existing one) receives the role, and an e-mail from
    /// <paramref name="invitedBy"/> with a link to choose a password (for a new account) or to sign in.
    /// </summary>
    /// <returns>The account's id, new or existing.</returns>
    Task<string> InviteAsync(AccountRequest request, string invitedBy, CancellationToken cancellationToken = default);

    /// <summary>Gives a signed-in person's own account a plugin role (opening a citizen space with an existing account).</summary>
    Task GrantAsync(string userId, string territoryId, string role, CancellationToken cancellationToken = default);

    /// <summary>The account known by this address, if any (an adviser inviting someone who already has one).</summary>
    Task<AccountInfo?> FindByEmailAsync(string email, CancellationToken cancellationToken = default);

    /// <summary>The accounts among these ids that still exist, with their e-mail (a deleted account is absent).</summary>
    Task<IReadOnlyList<AccountInfo>> FindAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes the account for good (its roles, its sign-in) and publishes <see cref="AccountDeleted"/>, upon which
    /// the platform forgets the person's notifications. The plugin deletes its own data first.
    /// </summary>
    Task DeleteAsync(string userId, CancellationToken cancellationToken = default);
}

/// <param name="Role">A role the plugin declares in its manifest's permissions, e.g. <c>citizen</c>.</param>
/// <param name="WelcomePath">Where the confirmation or invitation link leads once the person is signed in, e.g. <c>/t/orleans/ma-boite</c>.</param>
public sealed record AccountRequest(string Email, string DisplayName, string TerritoryId, string Role, string WelcomePath);

public sealed record AccountInfo(string UserId, string Email, string DisplayName, bool EmailConfirmed);

/// <summary>An account deleted at its holder's request: whoever keeps something about the person by id or e-mail forgets it.</summary>
public sealed record AccountDeleted(Guid EventId, DateTimeOffset OccurredAt, string UserId, string Email) : IIntegrationEvent;

namespace SproHub.Shared.Security;

/// <summary>Roles are held per territory; a Région administrator holds his role on <see cref="RegionScope"/>.</summary>
public static class SproRoles
{
    public const string RegionScope = "region";
    public const string RegionAdministrator = "region-admin";
    /// <summary>The Région's finance officer (held on <see cref="RegionScope"/>): the permissions granted to it apply in every territory.</summary>
    public const string RegionFinance = "region-finance";
    public const string TerritoryCoordinator = "coordinator";
    public const string StructureMember = "member";

    /// <summary>Claim type carrying <c>role@territory</c>.</summary>
    public const string ClaimType = "spro:role";
}

/// <summary>The person behind the current request.</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }
    string? UserId { get; }
    string? DisplayName { get; }
    /// <summary>The address of the signed-in account; notifications and invitations reach people by it.</summary>
    string? Email { get; }
    bool IsRegionAdministrator { get; }
    bool HasRole(string role, string territoryId);
    /// <summary>Whether a permission declared in a manifest is granted in the current territory.</summary>
    bool Can(string permission);
}

public static class CurrentUserExtensions
{
    /// <summary>Refuses with 401 or 403 when the permission is missing in the current territory.</summary>
    public static void Demand(this ICurrentUser user, string permission)
    {
        if (!user.IsAuthenticated) throw new Errors.NotAuthenticatedException();
        if (!user.Can(permission)) throw new Errors.ForbiddenException($"Vous n'avez pas la permission « {permission} » dans ce territoire.");
    }
}

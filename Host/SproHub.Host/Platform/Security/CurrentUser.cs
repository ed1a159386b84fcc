using System.Security.Claims;
using SproHub.Host.Modularity;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Host.Platform.Security;

/// <summary>Reads the per-territory roles (<c>role@territory</c> claims) and grants the permissions manifests declare.</summary>
public sealed class CurrentUser(IHttpContextAccessor http, ITerritoryContext territory, ModuleRegistry registry) : ICurrentUser
{
    private ClaimsPrincipal? Principal => http.HttpContext?.User;

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;
    public string? UserId => IsAuthenticated ? Principal!.FindFirstValue(ClaimTypes.NameIdentifier) : null;
    public string? DisplayName => IsAuthenticated ? Principal!.FindFirstValue("name") ?? Principal!.Identity!.Name : null;
    public string? Email => IsAuthenticated ? Principal!.FindFirstValue(ClaimTypes.Email) : null;
    public bool IsRegionAdministrator => HasRole(SproRoles.RegionAdministrator, SproRoles.RegionScope);

    public bool HasRole(string role, string territoryId) =>
        IsAuthenticated && Principal!.HasClaim(SproRoles.ClaimType, $"{role}@{territoryId}");

    private static readonly string[] RegionRoles = [SproRoles.RegionFinance];

    public bool Can(string permission)
    {
        if (!IsAuthenticated) return false;
        if (IsRegionAdministrator) return true;
        var declared = registry.FindPermission(permission);
        var territoryId = territory.Current?.Slug;
        // The Région's own roles (its finance officer), held on its scope, apply in every territory and outside them; a
        // territory role given on the Région's scope by mistake grants nothing.
        return declared is not null && declared.GrantedTo.Any(role =>
            (RegionRoles.Contains(role) && HasRole(role, SproRoles.RegionScope)) || (territoryId is not null && HasRole(role, territoryId)));
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SproHub.Network.Data;
using SproHub.Shared.Data;
using SproHub.Shared.Security;

namespace SproHub.Network.Accounts;

public sealed class SproUser : IdentityUser
{
    public required string DisplayName { get; set; }
}

/// <summary>A role held in one territory (<see cref="SproRoles.RegionScope"/> for the Région).</summary>
[CrossTerritory("A person's roles in every territory make their claims (role@territory) at sign-in, before any territory is " +
    "known; the Région's administrators are looked up from anywhere.")]
public sealed class RoleAssignment
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string TerritoryId { get; set; }
    public required string Role { get; set; }
}

/// <summary>Puts the display name and every <c>role@territory</c> in the cookie or token.</summary>
internal sealed class SproClaimsFactory(UserManager<SproUser> users, IOptions<IdentityOptions> options, NetworkDbContext db)
    : UserClaimsPrincipalFactory<SproUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(SproUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim("name", user.DisplayName));
        var roles = await db.RoleAssignments.AsNoTracking().Where(r => r.UserId == user.Id).ToListAsync();
        foreach (var role in roles) identity.AddClaim(new Claim(SproRoles.ClaimType, $"{role.Role}@{role.TerritoryId}"));
        return identity;
    }
}

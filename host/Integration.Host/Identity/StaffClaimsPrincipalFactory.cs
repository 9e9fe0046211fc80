using System.Security.Claims;
using Integration.Host.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Integration.Host.Identity;

/// <summary>Adds the tenant and display name to the claims of a signed-in staff user.</summary>
internal sealed class StaffClaimsPrincipalFactory(
    UserManager<StaffUser> userManager,
    RoleManager<StaffRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser, StaffRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.TenantId is { } tenantId)
        {
            identity.AddClaim(new Claim(IntegrationClaims.TenantId, tenantId.ToString()));
        }

        identity.AddClaim(new Claim(IntegrationClaims.DisplayName, user.DisplayName));
        return identity;
    }
}

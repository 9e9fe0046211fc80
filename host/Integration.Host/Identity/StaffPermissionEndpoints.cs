using Integration.Abstractions.Kernel;
using Integration.Host.Api;
using Integration.Host.Data;
using Integration.Host.Modules;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Integration.Host.Identity;

/// <summary>
/// <c>/api/tenants/{tenantId}/users/{userId}/permissions</c>: a staff user's module permissions, from the role's defaults
/// and from grants, and the grants themselves, for the tenant's own admins. A tenant admin does not hold a sensitive
/// permission such as <c>health.read</c> by role: it is given here, to named users, and taken back here.
/// </summary>
internal static class StaffPermissionEndpoints
{
    /// <summary>Maps the routes on the tenant's users group (<c>/api/tenants/{tenantId}/users</c>).</summary>
    public static void MapStaffPermissionEndpoints(this RouteGroupBuilder users)
    {
        // Tenant admins of the tenant only (not system admins, who belong to none): who may read health data is the
        // tenant's decision. The route guard answers 404 for another tenant.
        var permissions = users.MapGroup("/{userId:guid}/permissions").RequireAuthorization(Policies.TenantRecordsAdmin);
        permissions.MapGet("/", List)
            .WithName("ListStaffPermissions")
            .WithSummary("The staff user's module permissions: those of the role by default and those granted to the user.");
        permissions.MapPut("/{permission}", Grant)
            .WithName("GrantStaffPermission")
            .WithSummary("Grants a module permission (health.read) to the staff user. Idempotent; takes effect on the user's next request.");
        permissions.MapDelete("/{permission}", Revoke)
            .WithName("RevokeStaffPermission")
            .WithSummary("Revokes a granted permission; takes effect on the user's next request. A permission the role holds by default stays.");
    }

    private static async Task<Results<Ok<StaffPermissionsResponse>, ProblemHttpResult>> List(
        Guid tenantId, Guid userId, IntegrationDbContext db, ModuleCatalog catalog, CancellationToken ct)
    {
        var user = await FindUserAsync(db, tenantId, userId, ct);
        return user is null ? UserNotFound() : TypedResults.Ok(await DescribeAsync(db, catalog, user, ct));
    }

    private static Task<Results<Ok<StaffPermissionsResponse>, ValidationProblem, ProblemHttpResult>> Grant(
        Guid tenantId, Guid userId, string permission, HttpContext http, IntegrationDbContext db, ModuleCatalog catalog,
        TimeProvider clock, ILogger<StaffPermissionGrant> logger, CancellationToken ct) =>
        ChangeAsync(tenantId, userId, permission, db, catalog, async () =>
        {
            if (await InForce(db, userId, permission).AnyAsync(ct))
            {
                return;
            }

            db.StaffPermissionGrants.Add(new StaffPermissionGrant
            {
                Id = Guid.NewGuid(),
                UserId = userId,
                Permission = permission,
                GrantedById = http.User.GetUserId(),
                GrantedAt = clock.GetUtcNow().UtcDateTime,
            });
            try
            {
                await db.SaveChangesAsync(ct);
                logger.LogInformation("Permission {Permission} granted to staff user {UserId} of tenant {TenantId} by user {GrantedBy}", permission, userId, tenantId, http.User.GetUserId());
            }
            catch (DbUpdateException)
            {
                // A concurrent request granted the same permission (the filtered unique index caught it): it is granted.
                db.ChangeTracker.Clear();
            }
        }, ct);

    private static Task<Results<Ok<StaffPermissionsResponse>, ValidationProblem, ProblemHttpResult>> Revoke(
        Guid tenantId, Guid userId, string permission, HttpContext http, IntegrationDbContext db, ModuleCatalog catalog,
        TimeProvider clock, ILogger<StaffPermissionGrant> logger, CancellationToken ct) =>
        ChangeAsync(tenantId, userId, permission, db, catalog, async () =>
        {
            var revokedBy = http.User.GetUserId();
            var now = clock.GetUtcNow().UtcDateTime;
            var revoked = await InForce(db, userId, permission)
                .ExecuteUpdateAsync(s => s.SetProperty(g => g.RevokedAt, (DateTime?)now).SetProperty(g => g.RevokedById, revokedBy), ct);
            if (revoked > 0)
            {
                logger.LogInformation("Permission {Permission} revoked from staff user {UserId} of tenant {TenantId} by user {RevokedBy}", permission, userId, tenantId, revokedBy);
            }
        }, ct);

    /// <summary>Checks the user and the permission, makes the change and answers with the user's permissions after it.</summary>
    private static async Task<Results<Ok<StaffPermissionsResponse>, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        Guid tenantId, Guid userId, string permission, IntegrationDbContext db, ModuleCatalog catalog, Func<Task> change, CancellationToken ct)
    {
        var user = await FindUserAsync(db, tenantId, userId, ct);
        if (user is null)
        {
            return UserNotFound();
        }

        if (ModulePermissions.Find(catalog.Loaded, permission) is null)
        {
            return UnknownPermission(permission);
        }

        await change();
        return TypedResults.Ok(await DescribeAsync(db, catalog, user, ct));
    }

    private static IQueryable<StaffPermissionGrant> InForce(IntegrationDbContext db, Guid userId, string permission) =>
        db.StaffPermissionGrants.Where(g => g.UserId == userId && g.Permission == permission && g.RevokedAt == null);

    private static async Task<UserWithRole?> FindUserAsync(IntegrationDbContext db, Guid tenantId, Guid userId, CancellationToken ct) =>
        await (from user in db.Users.AsNoTracking()
               where user.TenantId == tenantId && user.Id == userId
               select new UserWithRole(user.Id, (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name).FirstOrDefault()))
            .FirstOrDefaultAsync(ct);

    private static async Task<StaffPermissionsResponse> DescribeAsync(IntegrationDbContext db, ModuleCatalog catalog, UserWithRole user, CancellationToken ct)
    {
        var grants = await db.StaffPermissionGrants.AsNoTracking().Where(g => g.UserId == user.Id && g.RevokedAt == null).ToListAsync(ct);
        var held = new List<StaffPermissionResponse>();
        foreach (var module in catalog.Loaded)
        {
            foreach (var permission in module.Manifest.Permissions)
            {
                var fromRole = user.Role is not null && permission.DefaultRoles.Contains(user.Role);
                var grant = grants.FirstOrDefault(g => g.Permission == permission.Name);
                if (fromRole || grant is not null)
                {
                    held.Add(new StaffPermissionResponse(permission.Name, module.Id, permission.Description, fromRole, grant?.GrantedAt, grant?.GrantedById));
                }
            }
        }

        return new StaffPermissionsResponse(user.Id, StaffRoleNames.FromRole(user.Role), held.OrderBy(p => p.Permission, StringComparer.Ordinal).ToList());
    }

    private static ValidationProblem UnknownPermission(string permission) => Problems.Field(
        "permission",
        $"Ingen installerad modul har behörigheten '{permission}'.",
        $"No installed module declares the permission '{permission}'.");

    private static ProblemHttpResult UserNotFound() => Problems.NotFound("Kontot finns inte.", "The account does not exist.");

    private sealed record UserWithRole(Guid Id, string? Role);
}

/// <summary>A staff user's module permissions.</summary>
/// <param name="Permissions">Every module permission the user holds, by role or by grant.</param>
public sealed record StaffPermissionsResponse(Guid UserId, StaffRoleName? Role, IReadOnlyList<StaffPermissionResponse> Permissions);

/// <summary>A module permission a staff user holds.</summary>
/// <param name="Permission">The permission, <c>{moduleId}.{action}</c>.</param>
/// <param name="FromRole">The user's role holds it by default.</param>
/// <param name="GrantedAt">When it was granted to the user; null when it is not granted (held by role only).</param>
/// <param name="GrantedById">The admin who granted it.</param>
public sealed record StaffPermissionResponse(string Permission, string ModuleId, LocalizedText Description, bool FromRole, DateTime? GrantedAt, Guid? GrantedById);

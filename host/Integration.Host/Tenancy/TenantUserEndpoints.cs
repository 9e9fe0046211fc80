using Integration.Abstractions.Kernel;
using Integration.Abstractions.Validation;
using Integration.Host.Api;
using Integration.Host.Data;
using Integration.Host.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Integration.Host.Tenancy;

/// <summary><c>/api/tenants/{tenantId}/users</c>: a tenant's staff, managed by its tenant admins.</summary>
internal static class TenantUserEndpoints
{
    public static void MapTenantUserEndpoints(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/tenants/{tenantId:guid}/users").WithTags("Staff").RequireAuthorization(Policies.TenantAdmin);
        users.MapPost("/", Create)
            .WithName("CreateStaffUser")
            .WithSummary("Creates a staff account in the tenant (tenant admin, case worker or analyst) with an initial password.");
        users.MapGet("/", List)
            .WithName("ListStaffUsers")
            .WithSummary("Lists the tenant's staff accounts.");
        users.MapGet("/{userId:guid}", Get)
            .WithName("GetStaffUser")
            .WithSummary("Reads a staff account.");
        users.MapPut("/{userId:guid}", Update)
            .WithName("UpdateStaffUser")
            .WithSummary("Changes a staff account's name, role or active state. A deactivated account loses its sessions at once.");
        users.MapStaffPermissionEndpoints();
    }

    private static async Task<Results<Created<StaffUserResponse>, ValidationProblem, ProblemHttpResult>> Create(
        Guid tenantId, CreateStaffUserRequest request, IntegrationDbContext db, UserManager<StaffUser> users, TimeProvider clock,
        ILogger<StaffUser> logger, CancellationToken ct)
    {
        if (!await db.Tenants.AnyAsync(t => t.Id == tenantId, ct))
        {
            return TenantRouteGuardMiddleware.TenantNotFound();
        }

        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(request.Email))
        {
            errors.Add("email", LocalizedText.Pick("Ange en e-postadress.", "Give an e-mail address."));
        }

        ValidateProfile(errors, request.DisplayName, request.Role);
        if (string.IsNullOrEmpty(request.Password))
        {
            errors.Add("password", LocalizedText.Pick("Ange ett första lösenord.", "Give an initial password."));
        }

        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        var email = request.Email.Trim();
        var existing = await users.FindByEmailAsync(email);
        if (existing is not null)
        {
            // Say only that the address is taken: whether it is in this tenant or another is not this admin's business.
            return Problems.Conflict("Det finns redan ett konto med den e-postadressen.", "An account with that e-mail address already exists.");
        }

        var user = new StaffUser
        {
            Id = Guid.NewGuid(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = request.DisplayName.Trim(),
            TenantId = tenantId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        IdentityResult created;
        try
        {
            created = await users.CreateAsync(user, request.Password);
        }
        catch (DbUpdateException)
        {
            // The same address was taken by a concurrent request after the check above (the unique index caught it).
            return Problems.Conflict("Det finns redan ett konto med den e-postadressen.", "An account with that e-mail address already exists.");
        }

        if (!created.Succeeded)
        {
            return IdentityErrors.IsDuplicate(created)
                ? Problems.Conflict("Det finns redan ett konto med den e-postadressen.", "An account with that e-mail address already exists.")
                : Problems.Validation(IdentityErrors.ToFieldErrors(created));
        }

        var role = request.Role!.Value.ToRole();
        var added = await users.AddToRoleAsync(user, role);
        if (!added.Succeeded)
        {
            throw new InvalidOperationException($"Role {role} could not be given: {string.Join("; ", added.Errors.Select(e => e.Description))}");
        }

        await transaction.CommitAsync(ct);
        logger.LogInformation("Staff user {UserId} created in tenant {TenantId} with role {Role}", user.Id, tenantId, role);
        return TypedResults.Created($"/api/tenants/{tenantId}/users/{user.Id}", StaffUserResponse.From(user, request.Role.Value));
    }

    private static async Task<Ok<List<StaffUserResponse>>> List(Guid tenantId, IntegrationDbContext db, CancellationToken ct)
    {
        var users = await WithRoles(db, db.Users.Where(u => u.TenantId == tenantId).OrderBy(u => u.DisplayName)).ToListAsync(ct);
        return TypedResults.Ok(users.Select(u => StaffUserResponse.From(u.User, StaffRoleNames.FromRole(u.Role))).ToList());
    }

    private static async Task<Results<Ok<StaffUserResponse>, ProblemHttpResult>> Get(Guid tenantId, Guid userId, IntegrationDbContext db, CancellationToken ct)
    {
        var user = await WithRoles(db, db.Users.Where(u => u.TenantId == tenantId && u.Id == userId)).FirstOrDefaultAsync(ct);
        return user is null ? UserNotFound() : TypedResults.Ok(StaffUserResponse.From(user.User, StaffRoleNames.FromRole(user.Role)));
    }

    private static async Task<Results<Ok<StaffUserResponse>, ValidationProblem, ProblemHttpResult>> Update(
        Guid tenantId, Guid userId, UpdateStaffUserRequest request, HttpContext http, IntegrationDbContext db, UserManager<StaffUser> users,
        ILogger<StaffUser> logger, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.TenantId == tenantId && u.Id == userId, ct);
        if (user is null)
        {
            return UserNotFound();
        }

        var errors = new FieldErrors();
        ValidateProfile(errors, request.DisplayName, request.Role);
        if (request.IsActive is null)
        {
            errors.Add("isActive", LocalizedText.Pick("Ange om kontot är aktivt.", "Say whether the account is active."));
        }

        var self = http.User.GetUserId() == userId;
        if (self && (request.IsActive == false || request.Role != StaffRoleName.TenantAdmin))
        {
            errors.Add(request.IsActive == false ? "isActive" : "role", LocalizedText.Pick(
                "Du kan inte inaktivera ditt eget konto eller ta bort din egen administratörsroll.",
                "You cannot deactivate your own account or remove your own admin role."));
        }

        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var role = request.Role!.Value.ToRole();
        var currentRoles = await users.GetRolesAsync(user);
        var changesAccess = user.IsActive != request.IsActive || !currentRoles.SequenceEqual([role]);
        user.DisplayName = request.DisplayName.Trim();
        user.IsActive = request.IsActive!.Value;

        // Identity reports failures (a concurrent change of the same account among them) as results, not exceptions:
        // every step is checked, and nothing is kept unless all succeed.
        var steps = new List<Func<Task<IdentityResult>>>();
        if (!currentRoles.SequenceEqual([role]))
        {
            steps.Add(() => users.RemoveFromRolesAsync(user, currentRoles));
            steps.Add(() => users.AddToRoleAsync(user, role));
        }

        // A new stamp ends every cookie and token issued before the change (StaffSessionMiddleware checks it).
        steps.Add(changesAccess ? () => users.UpdateSecurityStampAsync(user) : () => users.UpdateAsync(user));
        foreach (var step in steps)
        {
            IdentityResult result;
            try
            {
                result = await step();
            }
            catch (DbUpdateConcurrencyException)
            {
                result = IdentityResult.Failed(new IdentityErrorDescriber().ConcurrencyFailure());
            }

            if (!result.Succeeded)
            {
                await transaction.RollbackAsync(ct);
                return Problems.Conflict(
                    "Kontot ändrades samtidigt av någon annan. Läs det igen och försök på nytt.",
                    "The account was changed by someone else at the same time. Read it again and retry.");
            }
        }

        await transaction.CommitAsync(ct);
        logger.LogInformation("Staff user {UserId} of tenant {TenantId} updated: role {Role}, active {IsActive}", userId, tenantId, role, user.IsActive);
        return TypedResults.Ok(StaffUserResponse.From(user, request.Role.Value));
    }

    private static void ValidateProfile(FieldErrors errors, string? displayName, StaffRoleName? role)
    {
        if (string.IsNullOrWhiteSpace(displayName) || displayName.Trim().Length > 200)
        {
            errors.Add("displayName", LocalizedText.Pick("Ange ett namn på högst 200 tecken.", "Give a name of at most 200 characters."));
        }

        if (role is null or StaffRoleName.SystemAdmin)
        {
            errors.Add("role", LocalizedText.Pick("Ange rollen tenantAdmin, caseWorker eller analyst.", "Give the role tenantAdmin, caseWorker or analyst."));
        }
    }

    /// <summary>Each user with its one role; filter and order <paramref name="users"/> before, the projection is not translatable after.</summary>
    private static IQueryable<UserWithRole> WithRoles(IntegrationDbContext db, IQueryable<StaffUser> users) =>
        from user in users.AsNoTracking()
        select new UserWithRole(user, (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name).FirstOrDefault());

    private static ProblemHttpResult UserNotFound() => Problems.NotFound("Kontot finns inte.", "The account does not exist.");

    private sealed record UserWithRole(StaffUser User, string? Role);
}

/// <summary>A new staff account.</summary>
/// <param name="Email">E-mail address; also the sign-in name.</param>
/// <param name="DisplayName">The name colleagues see.</param>
/// <param name="Role"><c>tenantAdmin</c>, <c>caseWorker</c> or <c>analyst</c>.</param>
/// <param name="Password">Initial password, at least 12 characters; the user changes it with <c>POST /api/auth/change-password</c>.</param>
public sealed record CreateStaffUserRequest(string Email, string DisplayName, StaffRoleName? Role, string Password);

/// <summary>Changes to a staff account.</summary>
public sealed record UpdateStaffUserRequest(string DisplayName, StaffRoleName? Role, bool? IsActive);

/// <summary>A staff account.</summary>
public sealed record StaffUserResponse(Guid Id, string Email, string DisplayName, StaffRoleName? Role, Guid? TenantId, bool IsActive, DateTime CreatedAt)
{
    public static StaffUserResponse From(StaffUser u, StaffRoleName? role) =>
        new(u.Id, u.Email ?? string.Empty, u.DisplayName, role, u.TenantId, u.IsActive, u.CreatedAt);
}

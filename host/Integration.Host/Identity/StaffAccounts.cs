using System.Security.Cryptography;
using Integration.Abstractions.Kernel;
using Integration.Host.Configuration;
using Integration.Host.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Integration.Host.Identity;

/// <summary>Roles, the first system admin and password resets by command.</summary>
internal static class StaffAccounts
{
    public static async Task EnsureRolesAsync(IServiceProvider services)
    {
        var roles = services.GetRequiredService<RoleManager<StaffRole>>();
        var existing = (await roles.Roles.Select(r => r.Name).ToListAsync()).ToHashSet(StringComparer.Ordinal);
        foreach (var role in StaffRoles.All)
        {
            if (!existing.Contains(role))
            {
                var result = await roles.CreateAsync(new StaffRole { Id = Guid.NewGuid(), Name = role });
                if (!result.Succeeded && !await roles.RoleExistsAsync(role))
                {
                    throw new InvalidOperationException($"Role {role} could not be created: {string.Join("; ", result.Errors.Select(e => e.Description))}");
                }
            }
        }
    }

    /// <summary>Creates the system admin named in configuration when there is no system admin yet.</summary>
    public static async Task EnsureBootstrapAdminAsync(IServiceProvider services, IntegrationSettings settings)
    {
        if (settings.BootstrapAdminEmail is null || settings.BootstrapAdminPassword is null)
        {
            return;
        }

        var users = services.GetRequiredService<UserManager<StaffUser>>();
        if ((await users.GetUsersInRoleAsync(StaffRoles.SystemAdmin)).Count > 0)
        {
            return;
        }

        var result = await CreateSystemAdminAsync(services, settings.BootstrapAdminEmail, "System admin", settings.BootstrapAdminPassword);
        if (!result.Succeeded && result.Errors.All(e => e.Code is "DuplicateUserName" or "DuplicateEmail") && await users.FindByEmailAsync(settings.BootstrapAdminEmail) is not null)
        {
            // Another instance starting on the same database created the first admin a moment ago.
            return;
        }

        if (!result.Succeeded)
        {
            var setting = result.Errors.Any(e => e.Code.StartsWith("Password", StringComparison.Ordinal))
                ? "Integration:Bootstrap:AdminPassword"
                : "Integration:Bootstrap:AdminEmail";
            throw new ConfigurationException(setting, string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        services.GetRequiredService<ILoggerFactory>().CreateLogger("Integration.Host.Identity")
            .LogInformation("First system admin {Email} created from configuration", settings.BootstrapAdminEmail);
    }

    public static async Task<IdentityResult> CreateSystemAdminAsync(IServiceProvider services, string email, string displayName, string password)
    {
        var users = services.GetRequiredService<UserManager<StaffUser>>();
        var db = services.GetRequiredService<IntegrationDbContext>();
        var user = new StaffUser
        {
            Id = Guid.NewGuid(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            TenantId = null,
            CreatedAt = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
        };

        await using var transaction = await db.Database.BeginTransactionAsync();
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return created;
        }

        var role = await users.AddToRoleAsync(user, StaffRoles.SystemAdmin);
        if (role.Succeeded)
        {
            await transaction.CommitAsync();
        }

        return role;
    }

    /// <summary>A random password of 20 characters from an alphabet without look-alikes (about 110 bits).</summary>
    public static string GeneratePassword() =>
        RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789-_", 20);
}

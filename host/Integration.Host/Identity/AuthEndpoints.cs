using System.Security.Claims;
using Integration.Abstractions.Kernel;
using Integration.Abstractions.Validation;
using Integration.Host.Api;
using Integration.Host.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Integration.Host.Identity;

/// <summary>
/// <c>/api/auth</c>: sign-in with a local account. The API uses bearer tokens; the web UI (and the Hangfire dashboard)
/// uses a cookie, asked for with <c>?useCookies=true</c>. There is no self-registration: admins create accounts.
/// </summary>
internal static class AuthEndpoints
{
    public static void MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Sign-in");
        auth.MapPost("/login", Login)
            .AllowAnonymous()
            .WithName("Login")
            .WithSummary("Signs in with e-mail and password. Returns a bearer token, or sets the web cookie with useCookies=true. Five failed attempts lock the account for 15 minutes.");
        auth.MapPost("/refresh", Refresh)
            .AllowAnonymous()
            .WithName("RefreshToken")
            .WithSummary("Exchanges a refresh token for a new bearer token while the account is still valid.");
        auth.MapPost("/logout", Logout)
            .RequireAuthorization()
            .WithName("Logout")
            .WithSummary("Ends the web cookie session.");
        auth.MapGet("/me", Me)
            .RequireAuthorization()
            .WithName("CurrentUser")
            .WithSummary("The signed-in user, role and tenant.");
        auth.MapPost("/change-password", ChangePassword)
            .RequireAuthorization()
            .WithName("ChangePassword")
            .WithSummary("Changes the signed-in user's password. Every session, this one included, ends: sign in again with the new password.");
    }

    private static async Task<Results<Ok<AccessTokenResponse>, EmptyHttpResult, ValidationProblem, ProblemHttpResult>> Login(
        LoginRequest request, bool? useCookies, SignInManager<StaffUser> signInManager, ILogger<SignInManager<StaffUser>> logger)
    {
        var errors = new FieldErrors()
            .Require(!string.IsNullOrWhiteSpace(request.Email), "email", LocalizedText.Pick("Ange e-postadress.", "Give the e-mail address."))
            .Require(!string.IsNullOrEmpty(request.Password), "password", LocalizedText.Pick("Ange lösenord.", "Give the password."));
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        var user = await signInManager.UserManager.FindByEmailAsync(request.Email.Trim());
        if (user is null || !user.IsActive)
        {
            logger.LogInformation("Failed sign-in for an unknown or inactive account");
            return InvalidCredentials();
        }

        signInManager.AuthenticationScheme = useCookies == true ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme;
        var result = await signInManager.PasswordSignInAsync(user, request.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            logger.LogWarning("Sign-in refused: account {UserId} is locked out", user.Id);
            return Problems.Unauthorized(
                "Kontot är låst efter för många misslyckade försök. Försök igen om 15 minuter.",
                "The account is locked after too many failed attempts. Try again in 15 minutes.");
        }

        if (!result.Succeeded)
        {
            logger.LogInformation("Failed sign-in for account {UserId}", user.Id);
            return InvalidCredentials();
        }

        logger.LogInformation("User {UserId} signed in", user.Id);

        // The sign-in handler has written the token response (bearer) or set the cookie.
        return TypedResults.Empty;
    }

    private static async Task<Results<Ok<AccessTokenResponse>, SignInHttpResult, ValidationProblem, ProblemHttpResult>> Refresh(
        RefreshRequest request, SignInManager<StaffUser> signInManager, IOptionsMonitor<BearerTokenOptions> bearerOptions, TimeProvider clock)
    {
        if (string.IsNullOrWhiteSpace(request.RefreshToken))
        {
            return Problems.Field("refreshToken", "Ange refresh-token.", "Give the refresh token.");
        }

        var protector = bearerOptions.Get(IdentityConstants.BearerScheme).RefreshTokenProtector;
        var ticket = protector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires)
        {
            return Problems.Unauthorized("Refresh-token är ogiltig eller har gått ut.", "The refresh token is invalid or has expired.");
        }

        var user = await signInManager.ValidateSecurityStampAsync(ticket.Principal);
        if (user is null || !user.IsActive)
        {
            return Problems.Unauthorized("Inloggningen gäller inte längre. Logga in igen.", "The sign-in is no longer valid. Sign in again.");
        }

        var principal = await signInManager.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static async Task<NoContent> Logout(HttpContext http, ILogger<SignInManager<StaffUser>> logger)
    {
        await http.SignOutAsync(IdentityConstants.ApplicationScheme);
        logger.LogInformation("User {UserId} signed out", http.User.GetUserId());
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<CurrentUserResponse>, ProblemHttpResult>> Me(ClaimsPrincipal principal, IntegrationDbContext db, CancellationToken ct)
    {
        var userId = principal.GetUserId();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return Problems.Unauthorized("Inloggningen gäller inte längre.", "The sign-in is no longer valid.");
        }

        var tenantName = user.TenantId is { } tenantId
            ? await db.Tenants.Where(t => t.Id == tenantId).Select(t => t.Name).FirstOrDefaultAsync(ct)
            : null;
        var role = StaffRoleNames.FromRole(principal.FindFirstValue(ClaimTypes.Role));
        return TypedResults.Ok(new CurrentUserResponse(user.Id, user.Email ?? string.Empty, user.DisplayName, role, user.TenantId, tenantName));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ChangePassword(
        ChangePasswordRequest request, ClaimsPrincipal principal, UserManager<StaffUser> users)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            return Problems.Unauthorized("Inloggningen gäller inte längre.", "The sign-in is no longer valid.");
        }

        var errors = new FieldErrors()
            .Require(!string.IsNullOrEmpty(request.CurrentPassword), "currentPassword", LocalizedText.Pick("Ange nuvarande lösenord.", "Give the current password."))
            .Require(!string.IsNullOrEmpty(request.NewPassword), "newPassword", LocalizedText.Pick("Ange nytt lösenord.", "Give the new password."));
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        var result = await users.ChangePasswordAsync(user, request.CurrentPassword, request.NewPassword);
        if (!result.Succeeded)
        {
            var mismatch = result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch));
            return mismatch
                ? Problems.Field("currentPassword", "Nuvarande lösenord stämmer inte.", "The current password is wrong.")
                : Problems.Validation(IdentityErrors.ToFieldErrors(result, "newPassword"));
        }

        return TypedResults.NoContent();
    }

    private static ProblemHttpResult InvalidCredentials() =>
        Problems.Unauthorized("Fel e-postadress eller lösenord.", "Wrong e-mail address or password.");
}

/// <summary>Sign-in with a local account.</summary>
public sealed record LoginRequest(string Email, string Password);

/// <summary>A refresh token from a previous sign-in.</summary>
public sealed record RefreshRequest(string RefreshToken);

/// <summary>A password change.</summary>
public sealed record ChangePasswordRequest(string CurrentPassword, string NewPassword);

/// <summary>The signed-in user.</summary>
public sealed record CurrentUserResponse(Guid Id, string Email, string DisplayName, StaffRoleName? Role, Guid? TenantId, string? TenantName);

using Integration.Abstractions.Kernel;
using Integration.Abstractions.Validation;
using Microsoft.AspNetCore.Identity;

namespace Integration.Host.Identity;

/// <summary>Maps ASP.NET Core Identity errors to the request field they are about.</summary>
internal static class IdentityErrors
{
    public static bool IsDuplicate(IdentityResult result) =>
        result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName));

    public static FieldErrors ToFieldErrors(IdentityResult result, string passwordField = "password")
    {
        var errors = new FieldErrors();
        foreach (var error in result.Errors)
        {
            if (error.Code.StartsWith("Password", StringComparison.Ordinal))
            {
                errors.Add(passwordField, LocalizedText.Pick(PasswordSv(error.Code), error.Description));
            }
            else if (error.Code is nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName))
            {
                errors.Add("email", LocalizedText.Pick("E-postadressen är inte giltig.", error.Description));
            }
            else
            {
                errors.Add("body", error.Description);
            }
        }

        return errors;
    }

    private static string PasswordSv(string code) => code switch
    {
        nameof(IdentityErrorDescriber.PasswordTooShort) => "Lösenordet är för kort (minst 12 tecken).",
        nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => "Lösenordet behöver fler olika tecken.",
        nameof(IdentityErrorDescriber.PasswordMismatch) => "Lösenordet stämmer inte.",
        _ => "Lösenordet uppfyller inte kraven.",
    };
}

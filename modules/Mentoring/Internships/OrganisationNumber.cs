using Integration.Modules.Mentoring.Http;

namespace Integration.Modules.Mentoring.Internships;

/// <summary>
/// Swedish organisation numbers (organisationsnummer) of employers: ten digits, <c>NNNNNN-NNNN</c> or without the
/// hyphen, the last a Luhn check digit over all ten. Copied in small from the business school's check (modules do not
/// share code); an employer may be a legal person or a sole trader (whose number is a personnummer), so only the form
/// and the check digit are checked.
/// </summary>
internal static class OrganisationNumber
{
    /// <summary>The number as <c>NNNNNN-NNNN</c>, or null with the reason (in the request's language).</summary>
    public static string? Normalise(string text, out string? error)
    {
        var compact = text.Trim().Replace(" ", string.Empty, StringComparison.Ordinal);
        var digits = compact.Replace("-", string.Empty, StringComparison.Ordinal);
        var hyphens = compact.Length - digits.Length;
        if (digits.Length != 10 || !digits.All(char.IsAsciiDigit) || hyphens > 1 || (hyphens == 1 && compact[6] != '-'))
        {
            error = FieldRules.T("Ange tio siffror, NNNNNN-NNNN.", "Give ten digits, NNNNNN-NNNN.");
            return null;
        }

        if (!Luhn(digits))
        {
            error = FieldRules.T("Kontrollsiffran stämmer inte.", "The check digit is wrong.");
            return null;
        }

        error = null;
        return $"{digits[..6]}-{digits[6..]}";
    }

    /// <summary>The Luhn check over all digits (weights 2, 1, 2, 1, … from the first).</summary>
    public static bool Luhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var product = (digits[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product > 9 ? product - 9 : product;
        }

        return sum % 10 == 0;
    }

    /// <summary>The check digit that makes nine digits a valid number (for synthetic demo numbers).</summary>
    public static char CheckDigit(string nine)
    {
        for (var digit = '0'; digit <= '9'; digit++)
        {
            if (Luhn(nine + digit))
            {
                return digit;
            }
        }

        throw new InvalidOperationException("A Luhn check digit always exists.");
    }
}

using Integration.Modules.BusinessSchool.Data;
using Integration.Modules.BusinessSchool.Http;

namespace Integration.Modules.BusinessSchool.Companies;

/// <summary>
/// Swedish organisation numbers (organisationsnummer): ten digits, the last a Luhn check digit. A legal person's has
/// 20 or more in the third and fourth digits and begins with its group number (5 aktiebolag, 7 ekonomisk förening,
/// 9 handelsbolag); a sole trader's is the owner's personnummer or samordningsnummer (a real date, the day plus 60
/// for a samordningsnummer).
/// </summary>
internal static class OrganisationNumber
{
    /// <summary>The number as <c>NNNNNN-NNNN</c>, or null with the reason (in the request's language).</summary>
    public static string? Normalise(string text, LegalForm form, out string? error)
    {
        var compact = text.Trim().Replace(" ", string.Empty, StringComparison.Ordinal);
        var digits = compact.Replace("-", string.Empty, StringComparison.Ordinal);
        var hyphens = compact.Length - digits.Length;
        if (form == LegalForm.SoleTrader && digits.Length == 12 && digits.All(char.IsAsciiDigit) && hyphens <= 1 && (hyphens == 0 || compact[8] == '-'))
        {
            // A personnummer written with the century: the organisation number leaves it out.
            if (!IsDate(int.Parse(digits[..4], System.Globalization.CultureInfo.InvariantCulture), digits[4..8]))
            {
                error = NotADate();
                return null;
            }

            digits = digits[2..];
        }
        else if (digits.Length != 10 || !digits.All(char.IsAsciiDigit) || hyphens > 1 || (hyphens == 1 && compact[6] != '-'))
        {
            error = FieldRules.T("Ange tio siffror, NNNNNN-NNNN.", "Give ten digits, NNNNNN-NNNN.");
            return null;
        }

        if (!Luhn(digits))
        {
            error = FieldRules.T("Kontrollsiffran stämmer inte.", "The check digit is wrong.");
            return null;
        }

        error = form switch
        {
            LegalForm.SoleTrader when !IsDate(null, digits[..6]) => NotADate(),
            not LegalForm.SoleTrader when int.Parse(digits[2..4], System.Globalization.CultureInfo.InvariantCulture) < 20 =>
                FieldRules.T("En juridisk persons organisationsnummer har 20 eller mer i tredje och fjärde siffran; en enskild firma använder ägarens personnummer.",
                    "A legal person's organisation number has 20 or more in its third and fourth digits; a sole trader uses the owner's personnummer."),
            not LegalForm.SoleTrader when digits[0] != GroupDigit(form) =>
                FieldRules.T($"Organisationsnummer för {EnumText.Of(form)} börjar med {GroupDigit(form)}.", $"Organisation numbers of a {EnumText.Of(form)} begin with {GroupDigit(form)}."),
            _ => null,
        };
        return error is null ? $"{digits[..6]}-{digits[6..]}" : null;
    }

    /// <summary>The Luhn check over all ten digits (weights 2, 1, 2, 1, … from the first).</summary>
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

    private static char GroupDigit(LegalForm form) => form switch
    {
        LegalForm.LimitedCompany => '5',
        LegalForm.EconomicAssociation => '7',
        _ => '9',
    };

    /// <summary>YYMMDD (or MMDD after a full year) is a real date, the day possibly plus 60 (samordningsnummer); any century without one.</summary>
    private static bool IsDate(int? fullYear, string text)
    {
        var parts = fullYear is null ? text : text.PadLeft(6, '0');
        var month = int.Parse(parts[2..4], System.Globalization.CultureInfo.InvariantCulture);
        var day = int.Parse(parts[4..6], System.Globalization.CultureInfo.InvariantCulture);
        day = day > 60 ? day - 60 : day;
        if (month is < 1 or > 12 || day < 1)
        {
            return false;
        }

        if (fullYear is { } year)
        {
            return day <= DateTime.DaysInMonth(year, month);
        }

        var yy = int.Parse(parts[..2], System.Globalization.CultureInfo.InvariantCulture);
        return day <= DateTime.DaysInMonth(1900 + yy, month) || day <= DateTime.DaysInMonth(2000 + yy, month);
    }

    private static string NotADate() => FieldRules.T(
        "En enskild firmas organisationsnummer är ägarens personnummer (ÅÅMMDD-NNNN) med ett riktigt datum.",
        "A sole trader's organisation number is the owner's personnummer (YYMMDD-NNNN) with a real date.");
}

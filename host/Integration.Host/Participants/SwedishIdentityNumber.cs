using System.Globalization;

namespace Integration.Host.Participants;

/// <summary>
/// Personnummer and samordningsnummer in their usual written forms (YYMMDD-NNNC, YYMMDD+NNNC, YYMMDDNNNC,
/// YYYYMMDDNNNC, YYYYMMDD-NNNC), checked for a real date and the Luhn check digit, normalised to 12 digits.
/// </summary>
/// <remarks>
/// A samordningsnummer is a personnummer whose day of birth has 60 added. In the 10-digit form the century follows
/// from the separator: <c>-</c> (or none) for someone under 100 years old, <c>+</c> from the year they turn 100.
/// </remarks>
public static class SwedishIdentityNumber
{
    /// <summary>Parses <paramref name="input"/>; on failure <paramref name="error"/> says why in English and Swedish.</summary>
    public static bool TryParse(string input, DateOnly today, out ParsedIdentityNumber result, out (string Sv, string En) error)
    {
        result = default;
        var text = input.Trim();
        var separator = text.Length >= 5 ? text[^5] : ' ';
        var hasSeparator = separator is '-' or '+';
        var digits = hasSeparator ? text.Remove(text.Length - 5, 1) : text;
        if ((digits.Length != 10 && digits.Length != 12) || !digits.All(char.IsAsciiDigit))
        {
            error = ("Skriv numret som ÅÅMMDD-NNNN eller ÅÅÅÅMMDDNNNN.", "Write the number as YYMMDD-NNNN or YYYYMMDDNNNN.");
            return false;
        }

        var tail = digits[^10..];
        if (!LuhnValid(tail))
        {
            error = ("Kontrollsiffran stämmer inte.", "The check digit is wrong.");
            return false;
        }

        var month = int.Parse(tail[2..4], CultureInfo.InvariantCulture);
        var rawDay = int.Parse(tail[4..6], CultureInfo.InvariantCulture);
        var kind = rawDay > 60 ? IdentityKind.Samordningsnummer : IdentityKind.Personnummer;
        var day = kind == IdentityKind.Samordningsnummer ? rawDay - 60 : rawDay;

        int year;
        if (digits.Length == 12)
        {
            year = int.Parse(digits[..4], CultureInfo.InvariantCulture);
            if (separator == '+')
            {
                error = ("Plustecken används bara med tiosiffrigt nummer.", "A plus sign is only used with the 10-digit form.");
                return false;
            }
        }
        else
        {
            var yy = int.Parse(tail[..2], CultureInfo.InvariantCulture);
            year = (today.Year / 100 * 100) + yy;
            if (!IsDate(year, month, day) || new DateOnly(year, month, day) > today)
            {
                year -= 100;
            }

            if (separator == '+')
            {
                year -= 100;
            }
        }

        if (!IsDate(year, month, day))
        {
            error = ("Födelsedatumet finns inte.", "The date of birth does not exist.");
            return false;
        }

        var birthDate = new DateOnly(year, month, day);
        if (birthDate > today || year < 1880)
        {
            error = ("Födelsedatumet är inte möjligt.", "The date of birth is not possible.");
            return false;
        }

        result = new ParsedIdentityNumber(kind, year.ToString("D4", CultureInfo.InvariantCulture) + tail[2..], birthDate);
        error = default;
        return true;
    }

    private static bool IsDate(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    /// <summary>The Luhn check over YYMMDDNNNC: weights 2,1,2,1…, digit sums, total divisible by 10.</summary>
    private static bool LuhnValid(string tenDigits)
    {
        var sum = 0;
        for (var i = 0; i < tenDigits.Length; i++)
        {
            var value = (tenDigits[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += value > 9 ? value - 9 : value;
        }

        return sum % 10 == 0;
    }
}

/// <summary>A valid personnummer or samordningsnummer.</summary>
/// <param name="Kind">Which of the two.</param>
/// <param name="Normalized">Twelve digits, YYYYMMDDNNNC.</param>
/// <param name="BirthDate">The date of birth (for a samordningsnummer, the day minus 60).</param>
public readonly record struct ParsedIdentityNumber(IdentityKind Kind, string Normalized, DateOnly BirthDate);

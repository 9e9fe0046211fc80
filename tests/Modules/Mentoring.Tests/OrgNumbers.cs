namespace Integration.Modules.Mentoring.Tests;

/// <summary>Organisation numbers for tests, with the check digit computed here (Luhn over the first nine digits).</summary>
public static class OrgNumbers
{
    public static string Valid(string nine)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            var d = (nine[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d / 10 + d % 10;
        }

        return $"{nine[..6]}-{nine[6..]}{(10 - (sum % 10)) % 10}";
    }

    /// <summary>The same number with the check digit one off.</summary>
    public static string WrongCheckDigit(string nine)
    {
        var valid = Valid(nine);
        return valid[..^1] + (char)('0' + ((valid[^1] - '0' + 1) % 10));
    }
}

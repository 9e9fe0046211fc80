namespace Integration.Host.Tenancy;

/// <summary>Checks Swedish county (län) and municipality (kommun) codes as SCB assigns them.</summary>
public static class SwedishRegionCodes
{
    /// <summary>The 21 county codes in use since 1998 (Stockholm 01 … Norrbotten 25).</summary>
    private static readonly HashSet<string> Counties =
        ["01", "03", "04", "05", "06", "07", "08", "09", "10", "12", "13", "14", "17", "18", "19", "20", "21", "22", "23", "24", "25"];

    /// <summary>True for a two-digit county code in use.</summary>
    public static bool IsCountyCode(string? code) => code is { Length: 2 } && Counties.Contains(code);

    /// <summary>
    /// True for a four-digit municipality code whose first two digits are a county in use (Hedemora 2083, Åre 2321).
    /// </summary>
    public static bool IsMunicipalityCode(string? code) =>
        code is { Length: 4 } && code.All(char.IsAsciiDigit) && Counties.Contains(code[..2]) && code[2..] != "00";
}

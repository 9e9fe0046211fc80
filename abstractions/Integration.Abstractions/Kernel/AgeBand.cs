namespace Integration.Abstractions.Kernel;

/// <summary>The age bands that rollups are split by.</summary>
public enum AgeBand
{
    /// <summary>Under 18 years.</summary>
    Under18 = 1,

    /// <summary>18 to 29 years.</summary>
    From18To29 = 2,

    /// <summary>30 to 54 years.</summary>
    From30To54 = 3,

    /// <summary>55 years and over.</summary>
    From55 = 4,

    /// <summary>Birth year not known.</summary>
    Unknown = 5,
}

/// <summary>Computes age bands.</summary>
public static class AgeBands
{
    /// <summary>The age band of someone born in <paramref name="birthYear"/> during <paramref name="year"/>.</summary>
    /// <remarks>Only the birth year is recorded, so the age is the age reached during the year.</remarks>
    public static AgeBand For(int? birthYear, int year)
    {
        if (birthYear is null)
        {
            return AgeBand.Unknown;
        }

        var age = year - birthYear.Value;
        return age switch
        {
            < 18 => AgeBand.Under18,
            < 30 => AgeBand.From18To29,
            < 55 => AgeBand.From30To54,
            _ => AgeBand.From55,
        };
    }
}

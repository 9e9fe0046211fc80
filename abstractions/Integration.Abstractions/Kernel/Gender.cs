namespace Integration.Abstractions.Kernel;

/// <summary>Gender as stated by the participant; never derived from an identity number.</summary>
public enum Gender
{
    /// <summary>Kvinna.</summary>
    Woman = 1,

    /// <summary>Man.</summary>
    Man = 2,

    /// <summary>Icke-binär eller annat.</summary>
    NonBinaryOrOther = 3,

    /// <summary>Ej angivet.</summary>
    NotStated = 4,
}

namespace Integration.Abstractions.Participants;

/// <summary>What happened to a participant (utfall).</summary>
public enum OutcomeType
{
    /// <summary>In employment; detail full-time, part-time or subsidised.</summary>
    Employed = 1,

    /// <summary>Self-employed or started a company.</summary>
    SelfEmployed = 2,

    /// <summary>In an internship (praktik).</summary>
    Internship = 3,

    /// <summary>In studies; detail SFI, adult education, vocational or university.</summary>
    Studies = 4,

    /// <summary>Looking for work.</summary>
    JobSeeking = 5,

    /// <summary>Self-sufficient: no income support.</summary>
    SelfSufficient = 6,

    /// <summary>Moved away from the municipality.</summary>
    MovedAway = 7,

    /// <summary>Something else, described in the note.</summary>
    Other = 8,
}

/// <summary>The kind of employment or studies of an outcome.</summary>
public enum OutcomeDetail
{
    /// <summary>Employed full-time.</summary>
    FullTime = 1,

    /// <summary>Employed part-time.</summary>
    PartTime = 2,

    /// <summary>Subsidised employment (lönebidrag, nystartsjobb and similar).</summary>
    Subsidised = 3,

    /// <summary>Swedish for immigrants.</summary>
    Sfi = 4,

    /// <summary>Municipal adult education (komvux).</summary>
    AdultEducation = 5,

    /// <summary>Vocational education.</summary>
    Vocational = 6,

    /// <summary>University or university college.</summary>
    University = 7,
}

/// <summary>Where an outcome comes from.</summary>
public enum OutcomeSource
{
    /// <summary>The participant said so.</summary>
    SelfReported = 1,

    /// <summary>A case worker checked it (an employment contract, a study certificate).</summary>
    CaseWorkerVerified = 2,

    /// <summary>From a register (Arbetsförmedlingen, Skatteverket, Bolagsverket).</summary>
    Register = 3,
}

/// <summary>Which details go with which outcome types.</summary>
public static class OutcomeDetails
{
    /// <summary>True when <paramref name="detail"/> may describe an outcome of <paramref name="type"/> (no detail always may).</summary>
    public static bool Fits(OutcomeType type, OutcomeDetail? detail) => detail switch
    {
        null => true,
        OutcomeDetail.FullTime or OutcomeDetail.PartTime or OutcomeDetail.Subsidised => type == OutcomeType.Employed,
        OutcomeDetail.Sfi or OutcomeDetail.AdultEducation or OutcomeDetail.Vocational or OutcomeDetail.University => type == OutcomeType.Studies,
        _ => false,
    };
}

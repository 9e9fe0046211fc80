namespace Integration.Abstractions.Participants;

/// <summary>What a participant's consent is for.</summary>
public enum ConsentPurpose
{
    /// <summary>Taking part in the programme and having records kept.</summary>
    Participation = 1,

    /// <summary>Being contacted for follow-ups after exit.</summary>
    FollowUpContact = 2,

    /// <summary>Health data (special-category personal data), such as WHO-5 scores.</summary>
    HealthData = 3,

    /// <summary>Photos and publicity.</summary>
    Publicity = 4,
}

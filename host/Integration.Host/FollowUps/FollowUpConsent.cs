using Integration.Abstractions.Participants;
using Integration.Host.Data;

namespace Integration.Host.FollowUps;

/// <summary>Consent to follow-up contact, as the follow-up engine reads it.</summary>
internal static class FollowUpConsent
{
    /// <summary>
    /// Participants who have withdrawn consent to follow-up contact by <paramref name="today"/> and not given it again.
    /// A participant without any such consent record is not among them: consent to follow-up is then part of the
    /// participation consent.
    /// </summary>
    public static IQueryable<Guid> WithdrawnParticipants(IntegrationDbContext db, DateOnly today) =>
        db.Consents
            .Where(c => c.Purpose == ConsentPurpose.FollowUpContact && c.WithdrawnOn != null && c.WithdrawnOn <= today)
            .Select(c => c.ParticipantId)
            .Where(id => !db.Consents.Any(g => g.ParticipantId == id && g.Purpose == ConsentPurpose.FollowUpContact && g.WithdrawnOn == null));
}

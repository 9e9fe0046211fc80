using Integration.Abstractions.FollowUps;
using Integration.Modules.IncomeSupport.Data;
using Microsoft.Extensions.Logging;

namespace Integration.Modules.IncomeSupport.FollowUps;

/// <summary>
/// Raises the module's follow-up events, after the module's own save (the host saves follow-ups in its own
/// transaction); raising an event twice creates nothing new, so a retry is harmless.
/// </summary>
internal sealed class PathwayEvents(IFollowUpEvents events, ILogger<PathwayEvents> logger)
{
    public Task OpenedAsync(Pathway pathway, DateOnly on, CancellationToken ct) => RaiseAsync(IncomeSupportFollowUps.PathwayOpened, pathway, on, ct);

    public Task ClosedAsync(Pathway pathway, DateOnly on, CancellationToken ct) => RaiseAsync(IncomeSupportFollowUps.PathwayClosed, pathway, on, ct);

    private async Task RaiseAsync(string name, Pathway pathway, DateOnly on, CancellationToken ct)
    {
        try
        {
            await events.RaiseAsync(
                new FollowUpEvent(name, pathway.ParticipantId, on, IncomeSupportModule.Id, pathway.EnrolmentId, IncomeSupportFollowUps.Subject(pathway.Id, pathway.Cycle)), ct);
        }
        catch (ArgumentException e)
        {
            // The participant left the tenant's records (merged away) after the check: the record stands, the review does not.
            logger.LogWarning(e, "Follow-up event {Event} for pathway {PathwayId} not raised", name, pathway.Id);
        }
    }
}

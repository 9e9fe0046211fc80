using Integration.Abstractions.Participants;
using Integration.Host.Api;
using Integration.Host.Audit;
using Integration.Host.Consents;
using Integration.Host.Data;
using Integration.Host.Enrolments;
using Integration.Host.FollowUps;
using Integration.Host.Identity;
using Integration.Host.Outcomes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Integration.Host.Participants;

/// <summary>
/// <c>GET /api/participants/{id}/export</c>: the register extract (registerutdrag, GDPR article 15) of one participant:
/// every record the host holds about them and each module's part, for a tenant admin to hand out. Special-category data
/// (health) is left out unless the admin holds the module's permission and asks for it with <c>includeSensitive=true</c>.
/// </summary>
internal static class ParticipantExportEndpoints
{
    public const string RecordType = "participant-export";

    public static void MapParticipantExportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/participants/{participantId:guid}/export", Export)
            .RequireAuthorization(Policies.TenantRecordsAdmin)
            .WithTags("Participants")
            .WithName("ExportParticipantData")
            .WithSummary("The participant's register extract (tenant admin): the host's records and every module's part; sensitive module data only with includeSensitive=true and the module's permission. Audited.");
    }

    private static async Task<Results<Ok<ParticipantExportResponse>, ProblemHttpResult>> Export(
        Guid participantId, bool? includeSensitive, HttpContext http, IntegrationDbContext db, AuditLog audit,
        IEnumerable<IParticipantDataExporter> exporters, IAuthorizationService authorization, TimeProvider clock, CancellationToken ct)
    {
        var participant = await db.Participants.AsNoTracking().FirstOrDefaultAsync(p => p.Id == participantId, ct);
        if (participant is null)
        {
            return Problems.NotFound("Deltagaren finns inte.", "The participant does not exist.");
        }

        var consents = await db.Consents.AsNoTracking().Where(c => c.ParticipantId == participantId).OrderBy(c => c.GivenOn).ToListAsync(ct);
        var enrolments = await db.Enrolments.AsNoTracking().Where(e => e.ParticipantId == participantId).OrderBy(e => e.ReferredOn).ToListAsync(ct);
        var participations = await db.Participations.AsNoTracking().Where(p => p.ParticipantId == participantId).OrderBy(p => p.FirstStart).ToListAsync(ct);
        var outcomes = await db.Outcomes.AsNoTracking().Where(o => o.ParticipantId == participantId).OrderBy(o => o.Date).ToListAsync(ct);
        var followUps = await db.FollowUps.AsNoTracking().Where(f => f.ParticipantId == participantId).OrderBy(f => f.DueOn).ToListAsync(ct);

        var modules = new List<ModuleDataSection>();
        foreach (var exporter in exporters.OrderBy(e => e.ModuleId, StringComparer.Ordinal))
        {
            if (exporter.SensitivePermission is { } permission)
            {
                var allowed = (await authorization.AuthorizeAsync(http.User, permission)).Succeeded;
                if (includeSensitive != true || !allowed)
                {
                    var reason = !allowed
                        ? LocalizedTextFor($"Känsliga uppgifter: kräver behörigheten {permission}.", $"Sensitive data: needs the permission {permission}.")
                        : LocalizedTextFor("Känsliga uppgifter: ange includeSensitive=true för att ta med dem.", "Sensitive data: ask with includeSensitive=true to include it.");
                    modules.Add(new ModuleDataSection(exporter.ModuleId, true, null, reason));
                    continue;
                }
            }

            var data = await exporter.ExportAsync(participantId, ct);
            if (data is not null)
            {
                modules.Add(new ModuleDataSection(exporter.ModuleId, exporter.SensitivePermission is not null, data, null));
            }
        }

        // One entry for the extract as a whole: what was handed out, and whether sensitive data went with it.
        audit.Add(AuditAction.Export, RecordType, participantId, participantId,
            ["host", .. modules.Where(m => m.Data is not null).Select(m => m.ModuleId)]);
        await db.SaveChangesAsync(ct);

        return TypedResults.Ok(new ParticipantExportResponse(
            clock.GetUtcNow().UtcDateTime,
            ParticipantResponse.From(participant),
            consents.Select(ConsentResponse.From).ToList(),
            enrolments.Select(EnrolmentResponse.From).ToList(),
            participations.Select(p => new ParticipationResponse(p.Id, p.ProgrammeId, p.FirstStart, p.LastExit, ParticipantStatusResponse.From(p.Entry))).ToList(),
            outcomes.Select(OutcomeResponse.From).ToList(),
            followUps.Select(f => FollowUpResponse.From(f)).ToList(),
            modules));
    }

    private static string LocalizedTextFor(string sv, string en) => Abstractions.Kernel.LocalizedText.Pick(sv, en);
}

/// <summary>A participant's register extract.</summary>
/// <param name="ExportedAt">When the extract was made (UTC).</param>
/// <param name="Modules">Each module's part; a sensitive part left out has <c>Omitted</c> saying why.</param>
public sealed record ParticipantExportResponse(
    DateTime ExportedAt,
    ParticipantResponse Participant,
    IReadOnlyList<ConsentResponse> Consents,
    IReadOnlyList<EnrolmentResponse> Enrolments,
    IReadOnlyList<ParticipationResponse> Participations,
    IReadOnlyList<OutcomeResponse> Outcomes,
    IReadOnlyList<FollowUpResponse> FollowUps,
    IReadOnlyList<ModuleDataSection> Modules);

/// <summary>One module's part of a register extract.</summary>
/// <param name="Sensitive">Whether the module holds special-category data.</param>
/// <param name="Data">The module's records, or null when left out.</param>
/// <param name="Omitted">Why the part was left out, or null.</param>
public sealed record ModuleDataSection(string ModuleId, bool Sensitive, object? Data, string? Omitted);

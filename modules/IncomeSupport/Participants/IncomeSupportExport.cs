using Integration.Abstractions.Participants;
using Integration.Modules.IncomeSupport.Data;
using Integration.Modules.IncomeSupport.Pathways;
using Integration.Modules.IncomeSupport.Settings;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.IncomeSupport.Participants;

/// <summary>
/// The module's part of a participant's register extract: their pathway with every month's status and reasons, the plan's
/// steps and the barriers. Economic circumstances, not special-category data: included for every admin who may read the
/// participant.
/// </summary>
internal sealed class IncomeSupportExport(IncomeSupportDbContext db, IParticipantDirectory participants, SettingsReader settings) : IParticipantDataExporter
{
    public string ModuleId => IncomeSupportModule.Id;

    public async Task<object?> ExportAsync(Guid participantId, CancellationToken cancellationToken)
    {
        // The directory's read writes the module's own audit entry for the extract.
        var participant = await participants.FindAsync(participantId, IncomeSupportModule.Id, cancellationToken);
        if (participant is null)
        {
            return null;
        }

        var pathway = await db.Pathways.AsNoTracking().FirstOrDefaultAsync(p => p.ParticipantId == participant.Id, cancellationToken);
        return pathway is null ? null
            : new IncomeSupportExportData(await PathwayResponses.OneAsync(db, pathway, await settings.MonthsWithoutSupportAsync(cancellationToken), cancellationToken));
    }
}

/// <summary>The income-support module's records of one participant, for their register extract.</summary>
public sealed record IncomeSupportExportData(PathwayResponse Pathway);

using System.Diagnostics;
using Hangfire;
using Integration.Abstractions.Kernel;
using Integration.Abstractions.Validation;
using Integration.Host.Audit;
using Integration.Host.Data;
using Integration.Host.Jobs;
using Integration.Host.Participants;
using Integration.Host.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Integration.Host.ParticipantImports;

/// <summary>
/// Runs an import: reads every row, checks it with the API's rules, rejects known and repeated identity numbers, and
/// writes the participants, their name index and their audit entries in one transaction together with the final
/// status. A second run of the same import (a retry, a restart, another instance) finds it finished, or loses the race
/// at the final status update and rolls back: rows are never imported twice.
/// </summary>
public sealed class ParticipantImportJob(
    IntegrationDbContext db,
    CurrentTenant tenant,
    AuditLog audit,
    ParticipantWriter writer,
    DatabaseConfigurator database,
    StartupGate startup,
    TimeProvider clock,
    ILogger<ParticipantImportJob> logger)
{
    private const int ProgressEvery = 10_000;

    [JobDisplayName("participants:import {0}")]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(Guid importId, CancellationToken cancellationToken)
    {
        try
        {
            await ImportAsync(importId, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A failure that is not a row's fault: say so on the import rather than leave it running for ever.
            logger.LogError(ex, "Import {ImportId} failed", importId);
            db.ChangeTracker.Clear();
            await db.ParticipantImports.IgnoreQueryFilters()
                .Where(i => i.Id == importId && i.Status == ImportStatus.Running)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, ImportStatus.Failed)
                    .SetProperty(i => i.Content, Array.Empty<byte>())
                    .SetProperty(i => i.Error, "The import stopped on an internal error; nothing was imported. Upload the file again or contact support.")
                    .SetProperty(i => i.FinishedAt, clock.GetUtcNow().UtcDateTime), CancellationToken.None);
        }
        finally
        {
            // Whatever the outcome, the file, its rows and the participants made of them are garbage now.
            db.ChangeTracker.Clear();
            BatchMemory.Release();
        }
    }

    private async Task ImportAsync(Guid importId, CancellationToken cancellationToken)
    {
        await startup.WhenReady.WaitAsync(cancellationToken);

        // The job has no tenant until it knows the import's: read it past the tenant filter, by id.
        var import = await db.ParticipantImports.IgnoreQueryFilters().FirstOrDefaultAsync(i => i.Id == importId, cancellationToken);
        if (import is null || import.Status is ImportStatus.Succeeded or ImportStatus.Failed)
        {
            return;
        }

        tenant.Use(import.TenantId);
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(import.Language == "en" ? "en" : "sv-SE");
        audit.ActAs(AuditActorKind.Job, $"import {import.Id} ({import.CreatedByName})", import.Id.ToString(), import.CreatedByUserId);
        import.Status = ImportStatus.Running;
        import.StartedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);

        var (upload, problem) = CsvUpload.Open(import.Content);
        if (upload is null)
        {
            await FinishAsync(import, ImportStatus.Failed, problem, cancellationToken);
            return;
        }

        using var quiet = BatchMemory.HoldCollections();
        var phase = Stopwatch.StartNew();
        var work = ProcessWork.Now();
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var known = (await db.Participants.Where(p => p.IdentityNumber != null).Select(p => p.IdentityNumber!).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var inFile = new Dictionary<string, int>(StringComparer.Ordinal);
        var participants = new List<Participant>();
        var rejections = new List<ImportRejection>();
        var processed = 0;
        foreach (var chunk in upload.Rows(import.Content).Chunk(ProgressEvery))
        {
            // Rows are checked on every core; duplicates are then decided in file order.
            var checkedRows = new (ParticipantRequest Request, (IdentityKind Kind, string Number)? Identity, FieldErrors Errors)[chunk.Length];
            Parallel.For(0, chunk.Length, i =>
            {
                var errors = new FieldErrors();
                var request = ImportRowParser.Parse(chunk[i].Values, errors);
                checkedRows[i] = (request, request.Validate(errors, today), errors);
            });

            for (var i = 0; i < chunk.Length; i++)
            {
                var row = chunk[i].Row;
                var (request, identity, errors) = checkedRows[i];
                if (errors.IsEmpty && identity is { } id)
                {
                    if (known.Contains(id.Number))
                    {
                        errors.Add("identityNumber", LocalizedText.Pick("Det finns redan en deltagare med numret.", "A participant with the number already exists."));
                    }
                    else if (inFile.TryGetValue(id.Number, out var firstRow))
                    {
                        errors.Add("identityNumber", LocalizedText.Pick($"Samma nummer står på rad {firstRow}.", $"The same number is on row {firstRow}."));
                    }
                    else
                    {
                        inFile[id.Number] = row;
                    }
                }

                if (errors.IsEmpty)
                {
                    var participant = writer.Build(request, identity);
                    participant.TenantId = import.TenantId;
                    participants.Add(participant);
                }
                else
                {
                    foreach (var (field, messages) in errors.ToDictionary())
                    {
                        var message = messages[0].Length > 300 ? messages[0][..300] : messages[0];
                        rejections.Add(new ImportRejection { TenantId = import.TenantId, ImportId = import.Id, Row = row, Field = field, Message = message });
                    }
                }
            }

            processed += chunk.Length;
            import.ProcessedRows = processed;
            await db.SaveChangesAsync(cancellationToken);
        }

        import.ProcessedRows = processed;
        import.RejectedRows = rejections.Select(r => r.Row).Distinct().Count();
        var importing = import.Mode == ImportMode.ValidRows || import.RejectedRows == 0 ? participants : [];
        logger.LogInformation("Import {ImportId}: {Rows} rows read and checked in {Elapsed} ms", import.Id, processed, phase.ElapsedMilliseconds);
        await WriteAsync(import, importing, rejections, cancellationToken);
        ProcessWork.Since(work).Log(logger, $"Import {import.Id}");
    }

    private async Task WriteAsync(ParticipantImport import, List<Participant> participants, List<ImportRejection> rejections, CancellationToken ct)
    {
        var phase = Stopwatch.StartNew();
        var ordered = ImportOrder.Order(participants);

        // The name rows are built on the other core while the participants are written (SQLite writes on one).
        var namesBuilt = Task.Run(() => ImportOrder.NameRows(ordered), ct);
        var entries = new List<AuditEntry>(participants.Count);
        foreach (var participant in participants)
        {
            var entry = audit.Create(AuditAction.Import, ParticipantWriter.RecordType, participant.Id, participant.Id);
            entry.TenantId = import.TenantId;
            entries.Add(entry);
        }

        var status = participants.Count == 0 && import.RejectedRows > 0 && import.Mode == ImportMode.AllOrNothing ? ImportStatus.Failed : ImportStatus.Succeeded;

        logger.LogInformation("Import {ImportId}: participants ordered and audit entries built in {Elapsed} ms", import.Id, phase.ElapsedMilliseconds);

        await db.Database.OpenConnectionAsync(ct);
        await using var bulk = await database.BulkWriteSettingsAsync(db, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        phase.Restart();
        await new BulkInsert<Participant>(db).InsertAsync(db, participants, ct);
        logger.LogInformation("Import {ImportId}: {Count} participants written in {Elapsed} ms", import.Id, participants.Count, phase.ElapsedMilliseconds);
        phase.Restart();
        var names = await namesBuilt;
        logger.LogDebug("Import {ImportId}: waited {Elapsed} ms for the name rows", import.Id, phase.ElapsedMilliseconds);
        await new BulkInsert<ParticipantName>(db).InsertAsync(db, names, ct);
        logger.LogInformation("Import {ImportId}: {Count} name index rows written in {Elapsed} ms", import.Id, names.Count, phase.ElapsedMilliseconds);
        phase.Restart();
        await new BulkInsert<AuditEntry>(db).InsertAsync(db, entries, ct);
        await new BulkInsert<ImportRejection>(db).InsertAsync(db, rejections, ct);
        logger.LogInformation("Import {ImportId}: {Count} audit entries and rejections written in {Elapsed} ms", import.Id, entries.Count + rejections.Count, phase.ElapsedMilliseconds);
        phase.Restart();

        // The claim: only the run that moves the import out of Running keeps its rows.
        var claimed = await db.ParticipantImports
            .Where(i => i.Id == import.Id && i.Status == ImportStatus.Running)
            .ExecuteUpdateAsync(
                s => s.SetProperty(i => i.Status, status)
                    .SetProperty(i => i.ProcessedRows, import.ProcessedRows)
                    .SetProperty(i => i.ImportedRows, participants.Count)
                    .SetProperty(i => i.RejectedRows, import.RejectedRows)
                    .SetProperty(i => i.Error, status == ImportStatus.Failed ? "all-or-nothing: some rows were rejected, nothing was imported" : null)
                    .SetProperty(i => i.FinishedAt, clock.GetUtcNow().UtcDateTime)
                    .SetProperty(i => i.Content, Array.Empty<byte>()),
                ct);
        if (claimed != 1)
        {
            await transaction.RollbackAsync(ct);
            logger.LogInformation("Import {ImportId} was finished by another run; this run's rows were rolled back", import.Id);
            return;
        }

        await transaction.CommitAsync(ct);
        logger.LogInformation("Import {ImportId}: committed in {Elapsed} ms", import.Id, phase.ElapsedMilliseconds);
        phase.Restart();
        await database.OptimizeAsync(db, ct);
        logger.LogInformation("Import {ImportId}: planner statistics updated in {Elapsed} ms", import.Id, phase.ElapsedMilliseconds);
        logger.LogInformation("Import {ImportId}: {Imported} imported, {Rejected} rows rejected", import.Id, participants.Count, import.RejectedRows);
    }

    private async Task FinishAsync(ParticipantImport import, ImportStatus status, string? error, CancellationToken ct)
    {
        // The uploaded file holds personal data (rejected rows too): it is not kept once the import is over.
        import.Content = [];
        import.Status = status;
        import.Error = error;
        import.FinishedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Queues imports a stopped process left unfinished (the job queue of the embedded default is in memory).</summary>
    internal static async Task ResumePendingAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
        var pending = await db.ParticipantImports.IgnoreQueryFilters()
            .Where(i => i.Status == ImportStatus.Queued || i.Status == ImportStatus.Running)
            .Select(i => i.Id)
            .ToListAsync(ct);
        var jobs = scope.ServiceProvider.GetRequiredService<IBackgroundJobClient>();
        foreach (var id in pending)
        {
            jobs.Enqueue<ParticipantImportJob>(j => j.RunAsync(id, CancellationToken.None));
        }
    }
}

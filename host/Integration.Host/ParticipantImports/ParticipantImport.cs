using Integration.Abstractions.Data;

namespace Integration.Host.ParticipantImports;

/// <summary>
/// An uploaded CSV of participants and its progress. The upload is kept with the import until it finishes, so that the
/// import job can start again after a restart, and emptied with the final status (it holds personal data); the rows are
/// inserted in one transaction together with that status.
/// </summary>
public sealed class ParticipantImport : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public ImportMode Mode { get; set; }

    public ImportStatus Status { get; set; }

    public string? FileName { get; set; }

    /// <summary>The uploader's language (<c>sv</c> or <c>en</c>): the rejection messages are written in it.</summary>
    public string Language { get; set; } = "sv";

    public required byte[] Content { get; set; }

    public int TotalRows { get; set; }

    public int ProcessedRows { get; set; }

    public int ImportedRows { get; set; }

    public int RejectedRows { get; set; }

    /// <summary>Why the whole import failed (not a row's problem: those are rejections).</summary>
    public string? Error { get; set; }

    public Guid? CreatedByUserId { get; set; }

    public required string CreatedByName { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }
}

/// <summary>A row the import did not take, and why.</summary>
public sealed class ImportRejection : ITenantOwned
{
    public long Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid ImportId { get; set; }

    /// <summary>The row in the file as a spreadsheet numbers it (the header is row 1).</summary>
    public int Row { get; set; }

    public required string Field { get; set; }

    public required string Message { get; set; }
}

/// <summary>What to do with valid rows when some rows are wrong.</summary>
public enum ImportMode
{
    /// <summary>Import every valid row; report the rejected ones.</summary>
    ValidRows = 1,

    /// <summary>Import nothing when any row is wrong.</summary>
    AllOrNothing = 2,
}

/// <summary>Where an import is.</summary>
public enum ImportStatus
{
    Queued = 1,
    Running = 2,
    Succeeded = 3,

    /// <summary>Nothing was imported: all-or-nothing with rejected rows, or the file could not be read.</summary>
    Failed = 4,
}

using System.Globalization;
using Hangfire;
using Integration.Abstractions.Validation;
using Integration.Host.Api;
using Integration.Host.Data;
using Integration.Host.Identity;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Integration.Host.ParticipantImports;

/// <summary><c>POST /api/participants/import</c> and <c>/api/imports</c>: participants from a CSV file, in the background.</summary>
internal static class ImportEndpoints
{
    private const long MaxUploadBytes = 64L * 1024 * 1024;

    public static void MapImportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/participants/import", Upload)
            .RequireAuthorization(Policies.PersonalData)
            .WithTags("Imports")
            .WithName("ImportParticipants")
            .WithSummary("Imports participants from a CSV (text/csv body or a form file): UTF-8, ';' or ',' separated, Swedish or English headers, up to 100 000 rows. "
                + "Runs in the background: follow it at the returned location. mode=validRows (default) imports every valid row; mode=allOrNothing imports nothing when a row is wrong.")
            .Accepts<IFormFile>("text/csv", "multipart/form-data")
            .DisableAntiforgery();

        var imports = app.MapGroup("/api/imports").WithTags("Imports").RequireAuthorization(Policies.PersonalData);
        imports.MapGet("/", List).WithName("ListImports").WithSummary("The tenant's imports, newest first.");
        imports.MapGet("/{importId:guid}", Get).WithName("GetImport").WithSummary("An import's status, progress and counts, with its first rejected rows.");
        imports.MapGet("/{importId:guid}/rejections", Rejections).WithName("ListImportRejections").WithSummary("Every rejected row with the field and the reason; paged.");
    }

    private static async Task<Results<Accepted<ImportResponse>, ValidationProblem>> Upload(
        HttpContext http, string? mode, IntegrationDbContext db, IBackgroundJobClient jobs, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var importMode = QueryValues.ParseEnum<ImportMode>(mode, "mode", errors) ?? ImportMode.ValidRows;
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxUploadBytes;
        }

        var (content, fileName) = await ReadUploadAsync(http.Request, ct);
        if (content is null || content.Length == 0)
        {
            return Problems.Field("file", "Skicka en CSV-fil.", "Send a CSV file.");
        }

        var (upload, problem) = CsvUpload.Open(content);
        if (upload is null)
        {
            return Problems.Field("file", problem!, problem!);
        }

        var (rows, unreadable) = upload.CountRows(content);
        if (unreadable is not null)
        {
            return Problems.Field("file", unreadable, unreadable);
        }

        if (rows > CsvUpload.MaxRows)
        {
            return Problems.Field("file", $"Filen har {rows} rader; högst {CsvUpload.MaxRows} per import.", $"The file has {rows} rows; at most {CsvUpload.MaxRows} per import.");
        }

        var import = new ParticipantImport
        {
            Id = Guid.NewGuid(),
            Mode = importMode,
            Status = ImportStatus.Queued,
            FileName = fileName,
            Language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "sv" ? "sv" : "en",
            Content = content,
            TotalRows = rows,
            CreatedByUserId = http.User.GetUserId(),
            CreatedByName = http.User.FindFirst(IntegrationClaims.DisplayName)?.Value ?? "unknown",
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.ParticipantImports.Add(import);
        await db.SaveChangesAsync(ct);
        var importId = import.Id;
        jobs.Enqueue<ParticipantImportJob>(j => j.RunAsync(importId, CancellationToken.None));
        return TypedResults.Accepted($"/api/imports/{import.Id}", ImportResponse.From(import, []));
    }

    private static async Task<Results<Ok<Page<ImportResponse>>, ValidationProblem>> List(int? page, int? pageSize, IntegrationDbContext db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (p, size) = Paging.Check(page, pageSize, errors);
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        var query = db.ParticipantImports.AsNoTracking();
        var total = await query.CountAsync(ct);
        var items = await WithoutContent(query.OrderByDescending(i => i.CreatedAt).Skip((p - 1) * size).Take(size)).ToListAsync(ct);
        return TypedResults.Ok(new Page<ImportResponse>(items.Select(i => ImportResponse.From(i, [])).ToList(), p, size, total));
    }

    private static async Task<Results<Ok<ImportResponse>, ProblemHttpResult>> Get(Guid importId, IntegrationDbContext db, CancellationToken ct)
    {
        var import = await WithoutContent(db.ParticipantImports.AsNoTracking().Where(i => i.Id == importId)).FirstOrDefaultAsync(ct);
        if (import is null)
        {
            return NotFound();
        }

        var first = await db.ImportRejections.AsNoTracking().Where(r => r.ImportId == importId).OrderBy(r => r.Row).ThenBy(r => r.Id).Take(100).ToListAsync(ct);
        return TypedResults.Ok(ImportResponse.From(import, first.Select(RejectionResponse.From).ToList()));
    }

    private static async Task<Results<Ok<Page<RejectionResponse>>, ValidationProblem, ProblemHttpResult>> Rejections(
        Guid importId, int? page, int? pageSize, IntegrationDbContext db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (p, size) = Paging.Check(page, pageSize, errors);
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        if (!await db.ParticipantImports.AnyAsync(i => i.Id == importId, ct))
        {
            return NotFound();
        }

        var query = db.ImportRejections.AsNoTracking().Where(r => r.ImportId == importId);
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(r => r.Row).ThenBy(r => r.Id).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new Page<RejectionResponse>(items.Select(RejectionResponse.From).ToList(), p, size, total));
    }

    /// <summary>Imports without the uploaded file, which can be megabytes.</summary>
    private static IQueryable<ParticipantImport> WithoutContent(IQueryable<ParticipantImport> query) => query.Select(i => new ParticipantImport
    {
        Id = i.Id, TenantId = i.TenantId, Mode = i.Mode, Status = i.Status, FileName = i.FileName, Language = i.Language, Content = Array.Empty<byte>(),
        TotalRows = i.TotalRows, ProcessedRows = i.ProcessedRows, ImportedRows = i.ImportedRows, RejectedRows = i.RejectedRows, Error = i.Error,
        CreatedByUserId = i.CreatedByUserId, CreatedByName = i.CreatedByName, CreatedAt = i.CreatedAt, StartedAt = i.StartedAt, FinishedAt = i.FinishedAt,
    });

    private static async Task<(byte[]? Content, string? FileName)> ReadUploadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            var file = form.Files.Count > 0 ? form.Files[0] : null;
            if (file is null)
            {
                return (null, null);
            }

            await using var stream = file.OpenReadStream();
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, ct);
            return (copy.ToArray(), Path.GetFileName(file.FileName));
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, ct);
        return (body.ToArray(), null);
    }

    private static ProblemHttpResult NotFound() => Problems.NotFound("Importen finns inte.", "The import does not exist.");
}

/// <summary>An import.</summary>
/// <param name="ProcessedRows">Rows read so far, of <paramref name="TotalRows"/>.</param>
/// <param name="FirstRejections">The first rejected rows; all of them at /rejections.</param>
public sealed record ImportResponse(
    Guid Id,
    ImportStatus Status,
    ImportMode Mode,
    string? FileName,
    int TotalRows,
    int ProcessedRows,
    int ImportedRows,
    int RejectedRows,
    string? Error,
    DateTime CreatedAt,
    DateTime? StartedAt,
    DateTime? FinishedAt,
    IReadOnlyList<RejectionResponse> FirstRejections)
{
    internal static ImportResponse From(ParticipantImport i, IReadOnlyList<RejectionResponse> rejections) => new(
        i.Id, i.Status, i.Mode, i.FileName, i.TotalRows, i.ProcessedRows, i.ImportedRows, i.RejectedRows, i.Error, i.CreatedAt, i.StartedAt, i.FinishedAt, rejections);
}

/// <summary>A rejected row: the row as a spreadsheet numbers it, the field and why.</summary>
public sealed record RejectionResponse(int Row, string Field, string Message)
{
    internal static RejectionResponse From(ImportRejection r) => new(r.Row, r.Field, r.Message);
}

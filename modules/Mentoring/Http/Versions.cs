using Integration.Abstractions.Kernel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Integration.Modules.Mentoring.Http;

/// <summary>
/// Optimistic concurrency as the host does it: the version is the ETag, a change sends it in <c>If-Match</c> and gets
/// 412 when the record changed in between (428 without <c>If-Match</c>).
/// </summary>
internal static class Versions
{
    public static void SetETag(this HttpResponse response, long version) => response.Headers.ETag = ETag(version);

    public static ProblemHttpResult? CheckIfMatch(HttpRequest request, long currentVersion)
    {
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            return TypedResults.Problem(
                LocalizedText.Pick("Skicka postens ETag i If-Match, så att ingen annans ändring skrivs över.", "Send the record's ETag in If-Match, so that nobody else's change is overwritten."),
                statusCode: StatusCodes.Status428PreconditionRequired);
        }

        if (header.Trim() == "*")
        {
            return null;
        }

        var matches = EntityTagHeaderValue.TryParseList([header], out var tags) && tags.Any(t => t.Tag.Value == ETag(currentVersion));
        return matches ? null : Stale();
    }

    public static ProblemHttpResult Stale() => TypedResults.Problem(
        LocalizedText.Pick("Posten har ändrats sedan du läste den. Läs den igen och gör om ändringen.", "The record has changed since you read it. Read it again and redo the change."),
        statusCode: StatusCodes.Status412PreconditionFailed);

    /// <summary>Saves the changes; null, or 412 when another request changed a versioned record in between.</summary>
    public static async Task<ProblemHttpResult?> SaveOrStaleAsync(this DbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale();
        }
    }

    private static string ETag(long version) => $"\"{version}\"";
}

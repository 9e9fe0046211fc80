using Integration.Abstractions.Validation;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.Mentoring.Http;

/// <summary>Paged lists: the page and page size checked as the host checks them, and one page read.</summary>
internal static class Pages
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>Validates <paramref name="page"/> (from 1) and <paramref name="pageSize"/> (1 to 200) into <paramref name="errors"/>.</summary>
    public static (int Page, int PageSize) Check(int? page, int? pageSize, FieldErrors errors)
    {
        var p = page ?? 1;
        var size = pageSize ?? DefaultPageSize;
        errors.Require(p >= 1, "page", FieldRules.T("Sidan börjar på 1.", "Pages start at 1."));
        errors.Require(size is >= 1 and <= MaxPageSize, "pageSize", FieldRules.T($"Sidstorleken är 1 till {MaxPageSize}.", $"The page size is 1 to {MaxPageSize}."));
        return (p, size);
    }

    /// <summary>Counts <paramref name="ordered"/>, reads one page of it and turns the rows into responses.</summary>
    public static async Task<MentoringPage<TResponse>> ReadAsync<TRow, TResponse>(
        IQueryable<TRow> ordered, int page, int pageSize, Func<List<TRow>, Task<List<TResponse>>> respond, CancellationToken ct)
    {
        var total = await ordered.CountAsync(ct);
        var rows = await ordered.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new MentoringPage<TResponse>(await respond(rows), page, pageSize, total);
    }
}

/// <summary>One page of a list.</summary>
/// <param name="Items">The page's items.</param>
/// <param name="Page">The page, from 1.</param>
/// <param name="PageSize">Items per page.</param>
/// <param name="Total">Items on all pages.</param>
public sealed record MentoringPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

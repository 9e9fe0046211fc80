using Integration.Abstractions.Kernel;
using Integration.Abstractions.Validation;

namespace Integration.Host.Api;

/// <summary>Page and page size from the query string, checked.</summary>
public static class Paging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>Validates <paramref name="page"/> (from 1) and <paramref name="pageSize"/> (1 to 200) into <paramref name="errors"/>.</summary>
    public static (int Page, int PageSize) Check(int? page, int? pageSize, FieldErrors errors)
    {
        var p = page ?? 1;
        var size = pageSize ?? DefaultPageSize;
        errors.Require(p >= 1, "page", LocalizedText.Pick("Sidan börjar på 1.", "Pages start at 1."));

        // A page past two billion items would overflow the offset into a negative number (a 500 from the query).
        errors.Require((long)p * Math.Max(size, 1) <= int.MaxValue, "page", LocalizedText.Pick("Sidan ligger för långt bort.", "The page is too far out."));
        errors.Require(size is >= 1 and <= MaxPageSize, "pageSize", LocalizedText.Pick($"Sidstorleken är 1 till {MaxPageSize}.", $"The page size is 1 to {MaxPageSize}."));
        return (p, size);
    }
}

/// <summary>One page of a list.</summary>
/// <param name="Items">The items on this page.</param>
/// <param name="PageNumber">The page number, from 1.</param>
/// <param name="PageSize">Items per page.</param>
/// <param name="Total">Items on all pages.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total);

namespace Integration.Abstractions.Validation;

/// <summary>
/// Collects validation errors per field. Endpoints return them with
/// <c>TypedResults.ValidationProblem(errors.ToDictionary())</c>, an RFC 9457 problem with an <c>errors</c> member that
/// names each wrong field (camelCase, as in the JSON body).
/// </summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    /// <summary>True when no error was added.</summary>
    public bool IsEmpty => errors.Count == 0;

    /// <summary>Adds an error for a field.</summary>
    public FieldErrors Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            list = [];
            errors[field] = list;
        }

        list.Add(message);
        return this;
    }

    /// <summary>Adds an error when <paramref name="condition"/> is false.</summary>
    public FieldErrors Require(bool condition, string field, string message) => condition ? this : Add(field, message);

    /// <summary>The errors in the shape problem details expect.</summary>
    public Dictionary<string, string[]> ToDictionary() => errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}

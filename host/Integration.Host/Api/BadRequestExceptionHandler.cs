using System.Text.Json;
using Integration.Abstractions.Kernel;
using Microsoft.AspNetCore.Diagnostics;

namespace Integration.Host.Api;

/// <summary>
/// Turns a request that cannot be bound (malformed JSON, a value of the wrong type, an unknown enum value, a missing
/// body) into a 400 validation problem naming the field, instead of an empty 400 or a 500.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        var (field, message) = Describe(badRequest);
        httpContext.Response.StatusCode = badRequest.StatusCode;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
            {
                Status = badRequest.StatusCode,
                Title = "One or more validation errors occurred.",
            },
        });
    }

    private static (string Field, string Message) Describe(BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException json)
        {
            var field = JsonPathToField(json.Path);
            return (field, LocalizedText.Pick(
                $"Värdet kan inte läsas{(field == "body" ? string.Empty : $" för fältet '{field}'")}: fel typ eller ogiltig JSON.",
                $"The value cannot be read{(field == "body" ? string.Empty : $" for field '{field}'")}: wrong type or invalid JSON."));
        }

        if (exception.Message.Contains("body", StringComparison.OrdinalIgnoreCase))
        {
            return ("body", LocalizedText.Pick("En JSON-kropp krävs.", "A JSON body is required."));
        }

        // Route and query values that do not convert (a non-numeric page number): the message names the parameter.
        var parameter = exception.Message.Split('"') is { Length: >= 3 } parts ? parts[1].Split(' ')[^1] : "request";
        return (parameter, LocalizedText.Pick("Värdet har fel format.", "The value has the wrong format."));
    }

    /// <summary><c>$.members[0].name</c> → <c>members[0].name</c>; no path → <c>body</c>.</summary>
    private static string JsonPathToField(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "body";
        }

        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }
}

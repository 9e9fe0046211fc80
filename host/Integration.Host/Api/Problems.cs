using Integration.Abstractions.Kernel;
using Integration.Abstractions.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Integration.Host.Api;

/// <summary>RFC 9457 problem details with a detail in the request's language (Swedish or English).</summary>
public static class Problems
{
    public static ProblemHttpResult NotFound(string sv, string en) =>
        TypedResults.Problem(LocalizedText.Pick(sv, en), statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult Unauthorized(string sv, string en) =>
        TypedResults.Problem(LocalizedText.Pick(sv, en), statusCode: StatusCodes.Status401Unauthorized);

    public static ProblemHttpResult Forbidden(string sv, string en) =>
        TypedResults.Problem(LocalizedText.Pick(sv, en), statusCode: StatusCodes.Status403Forbidden);

    /// <summary>A conflict; <paramref name="extensions"/> carries ids the client needs (the existing record).</summary>
    public static ProblemHttpResult Conflict(string sv, string en, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(LocalizedText.Pick(sv, en), statusCode: StatusCodes.Status409Conflict, extensions: extensions);

    /// <summary>A 400 validation problem naming one field.</summary>
    public static ValidationProblem Field(string field, string sv, string en) =>
        TypedResults.ValidationProblem(new FieldErrors().Add(field, LocalizedText.Pick(sv, en)).ToDictionary());

    /// <summary>A 400 validation problem with every collected field error.</summary>
    public static ValidationProblem Validation(FieldErrors errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary());
}

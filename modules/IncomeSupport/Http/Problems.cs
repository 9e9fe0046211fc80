using Integration.Abstractions.Kernel;
using Integration.Abstractions.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Integration.Modules.IncomeSupport.Http;

/// <summary>RFC 9457 problems with a detail in the request's language, as the host writes them.</summary>
internal static class Problems
{
    public static ProblemHttpResult NotFound(string sv, string en) =>
        TypedResults.Problem(LocalizedText.Pick(sv, en), statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult Conflict(string sv, string en) =>
        TypedResults.Problem(LocalizedText.Pick(sv, en), statusCode: StatusCodes.Status409Conflict);

    public static ProblemHttpResult PathwayNotFound() => NotFound("Vägen mot självförsörjning finns inte.", "The pathway does not exist.");

    public static ProblemHttpResult StepNotFound() => NotFound("Planens steg finns inte.", "The plan step does not exist.");

    public static ProblemHttpResult BarrierNotFound() => NotFound("Hindret finns inte.", "The barrier does not exist.");

    public static ValidationProblem Validation(FieldErrors errors) => TypedResults.ValidationProblem(errors.ToDictionary());

    public static ValidationProblem Field(string field, string sv, string en) =>
        Validation(new FieldErrors().Add(field, LocalizedText.Pick(sv, en)));
}

using Integration.Abstractions.Kernel;
using Integration.Abstractions.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Integration.Modules.BusinessSchool.Http;

/// <summary>RFC 9457 problems with a detail in the request's language, as the host writes them.</summary>
internal static class Problems
{
    public static ProblemHttpResult NotFound(string sv, string en) =>
        TypedResults.Problem(LocalizedText.Pick(sv, en), statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult Conflict(string sv, string en) =>
        TypedResults.Problem(LocalizedText.Pick(sv, en), statusCode: StatusCodes.Status409Conflict);

    public static ProblemHttpResult CourseNotFound() => NotFound("Kursen finns inte.", "The course does not exist.");

    public static ProblemHttpResult CohortNotFound() => NotFound("Kursomgången finns inte.", "The cohort does not exist.");

    public static ProblemHttpResult SessionNotFound() => NotFound("Kurstillfället finns inte.", "The session does not exist.");

    public static ProblemHttpResult CompanyNotFound() => NotFound("Företaget finns inte.", "The company does not exist.");

    public static ProblemHttpResult ParticipantNotFound() => NotFound("Deltagaren finns inte.", "The participant does not exist.");

    public static ValidationProblem Validation(FieldErrors errors) => TypedResults.ValidationProblem(errors.ToDictionary());

    public static ValidationProblem Field(string field, string sv, string en) =>
        Validation(new FieldErrors().Add(field, LocalizedText.Pick(sv, en)));
}

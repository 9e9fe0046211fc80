using Integration.Abstractions.Kernel;
using Integration.Abstractions.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Integration.Modules.Mentoring.Http;

/// <summary>RFC 9457 problems with a detail in the request's language, as the host writes them.</summary>
internal static class Problems
{
    public static ProblemHttpResult NotFound(string sv, string en) =>
        TypedResults.Problem(LocalizedText.Pick(sv, en), statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult Conflict(string sv, string en) =>
        TypedResults.Problem(LocalizedText.Pick(sv, en), statusCode: StatusCodes.Status409Conflict);

    /// <summary>A 409 that also names the field it is about in <c>errors</c>, as a validation problem does.</summary>
    public static ProblemHttpResult Conflict(string field, string sv, string en)
    {
        var detail = LocalizedText.Pick(sv, en);
        return TypedResults.Problem(
            detail,
            statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [detail] } });
    }

    public static ProblemHttpResult MentorNotFound() => NotFound("Mentorn finns inte.", "The mentor does not exist.");

    public static ProblemHttpResult MatchNotFound() => NotFound("Matchningen finns inte.", "The match does not exist.");

    public static ProblemHttpResult GoalNotFound() => NotFound("Målet finns inte.", "The goal does not exist.");

    public static ProblemHttpResult InternshipNotFound() => NotFound("Praktiken finns inte.", "The internship does not exist.");

    public static ProblemHttpResult ParticipantNotFound() => NotFound("Deltagaren finns inte.", "The participant does not exist.");

    public static ValidationProblem Validation(FieldErrors errors) => TypedResults.ValidationProblem(errors.ToDictionary());

    public static ValidationProblem Field(string field, string sv, string en) =>
        Validation(new FieldErrors().Add(field, LocalizedText.Pick(sv, en)));
}

using Integration.Abstractions.Kernel;
using Integration.Abstractions.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Integration.Modules.DemocracyDialogue.Http;

/// <summary>RFC 9457 problem details with the detail in the request's language, as the host writes them.</summary>
internal static class Problems
{
    public static ProblemHttpResult EventNotFound() => NotFound("Dialogtillfället finns inte.", "The dialogue event does not exist.");

    public static ProblemHttpResult ProposalNotFound() => NotFound("Förslaget finns inte.", "The proposal does not exist.");

    public static ProblemHttpResult NotFound(string sv, string en) =>
        TypedResults.Problem(LocalizedText.Pick(sv, en), statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult Conflict(string sv, string en) =>
        TypedResults.Problem(LocalizedText.Pick(sv, en), statusCode: StatusCodes.Status409Conflict);

    public static ValidationProblem Validation(FieldErrors errors) => TypedResults.ValidationProblem(errors.ToDictionary());

    public static ValidationProblem Field(string field, string sv, string en) =>
        Validation(new FieldErrors().Add(field, LocalizedText.Pick(sv, en)));
}

using Integration.Abstractions.Validation;
using Integration.Modules.BusinessSchool.Cohorts;
using Integration.Modules.BusinessSchool.Data;
using Integration.Modules.BusinessSchool.Http;

namespace Integration.Modules.BusinessSchool.Courses;

/// <summary>A business-school course to create or change.</summary>
/// <param name="Name">At most 200 characters (<c>Företagsskola grund</c>).</param>
/// <param name="Description">At most 1000 characters.</param>
public sealed record CourseRequest(string? Name, string? Description)
{
    internal FieldErrors Validate(out string name, out string? description)
    {
        var errors = new FieldErrors();
        name = errors.Text("name", Name, SchoolDbContext.TextLength, required: true) ?? string.Empty;
        description = errors.Text("description", Description, SchoolDbContext.NoteLength, required: false);
        return errors;
    }
}

/// <summary>A course with its cohorts; the ETag is its version.</summary>
public sealed record CourseResponse(Guid Id, string Name, string? Description, IReadOnlyList<CohortSummaryResponse> Cohorts, long Version);

/// <summary>A course in a list.</summary>
public sealed record CourseSummaryResponse(Guid Id, string Name, string? Description, int Cohorts, long Version);

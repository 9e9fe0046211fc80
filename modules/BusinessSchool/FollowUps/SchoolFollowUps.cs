using Integration.Abstractions.FollowUps;
using Integration.Abstractions.Kernel;

namespace Integration.Modules.BusinessSchool.FollowUps;

/// <summary>The module's follow-up policy and the events that drive it.</summary>
internal static class SchoolFollowUps
{
    /// <summary>Raised for each cohort member when they join, dated on the cohort's last day (in the future while it runs).</summary>
    public const string CourseEnded = BusinessSchoolModule.Id + ".course.ended";

    /// <summary>The cohort's last day moved (or the member left it): the follow-ups counted from the old day are cancelled.</summary>
    public const string CourseEndMoved = BusinessSchoolModule.Id + ".course.end-moved";

    public const string AfterCourseKind = "business-school-after-course";

    public static readonly FollowUpPolicy AfterCourse = new()
    {
        Id = BusinessSchoolModule.Id + ":after-course",
        Name = new LocalizedText("Uppföljning 6 och 12 månader efter företagsskolan: är företaget aktivt?", "Follow-up 6 and 12 months after the business school: is the company active?"),
        Kind = AfterCourseKind,
        TriggerEvent = CourseEnded,
        StopEvent = CourseEndMoved,
        Offsets = [new FollowUpOffset(6, FollowUpOffsetUnit.Months), new FollowUpOffset(12, FollowUpOffsetUnit.Months)],
    };

    /// <summary>The follow-ups of one cohort member for one end date: a new end date is a new subject.</summary>
    public static string Subject(Guid memberId, DateOnly endDate) => $"after-course:{memberId:N}:{endDate:yyyyMMdd}";
}

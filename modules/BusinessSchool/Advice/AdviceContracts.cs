using Integration.Abstractions.Validation;
using Integration.Modules.BusinessSchool.Data;
using Integration.Modules.BusinessSchool.Http;

namespace Integration.Modules.BusinessSchool.Advice;

/// <summary>A business-advice meeting to record.</summary>
/// <param name="Date">Not in the future; the participant was enrolled in the module that day.</param>
/// <param name="Adviser">Who advised (a role or a name of staff), at most 200 characters.</param>
/// <param name="Partner"><c>project</c>, <c>almi</c>, <c>bank</c>, <c>nyforetagarCentrum</c>, <c>municipalBusinessOffice</c>, <c>skatteverket</c>, <c>arbetsformedlingen</c> or <c>other</c>.</param>
/// <param name="PartnerName">The organisation's name; required with <c>other</c>.</param>
/// <param name="Topic">As for sessions: <c>businessIdea</c>, <c>businessPlan</c>, <c>budget</c>, <c>financing</c>, …</param>
/// <param name="NextStep">What happens next, at most 1000 characters.</param>
/// <param name="NextStepBy">When the next step is due: with a next step, not before the meeting.</param>
public sealed record AdviceMeetingRequest(DateOnly? Date, string? Adviser, string? Partner, string? PartnerName, string? Topic, string? NextStep, DateOnly? NextStepBy)
{
    internal FieldErrors Validate(DateOnly today, out AdviceMeeting values)
    {
        var errors = new FieldErrors();
        var date = errors.Date("date", Date);
        errors.NotFuture("date", Date, today);
        var partner = errors.Choice<PartnerOrganisation>("partner", Partner, required: true);
        var partnerName = errors.Text("partnerName", PartnerName, SchoolDbContext.TextLength, required: partner == PartnerOrganisation.Other);
        var nextStep = errors.Text("nextStep", NextStep, SchoolDbContext.NoteLength, required: NextStepBy is not null);
        errors.Require(NextStepBy is null || Date is null || NextStepBy >= date, "nextStepBy", FieldRules.T(
            "Nästa steg kan inte ligga före mötet.", "The next step cannot be before the meeting."));
        values = new AdviceMeeting
        {
            Date = date,
            Adviser = errors.Text("adviser", Adviser, SchoolDbContext.TextLength, required: true) ?? string.Empty,
            Partner = partner ?? default,
            PartnerName = partnerName,
            Topic = errors.Choice<BusinessTopic>("topic", Topic, required: true) ?? default,
            NextStep = nextStep,
            NextStepBy = NextStepBy,
        };
        return errors;
    }
}

/// <summary>A recorded business-advice meeting.</summary>
public sealed record AdviceMeetingResponse(
    Guid Id, Guid ParticipantId, Guid EnrolmentId, DateOnly Date, string Adviser, string Partner, string? PartnerName, string Topic, string? NextStep, DateOnly? NextStepBy)
{
    internal static AdviceMeetingResponse From(AdviceMeeting m) => new(
        m.Id, m.ParticipantId, m.EnrolmentId, m.Date, m.Adviser, EnumText.Of(m.Partner), m.PartnerName, EnumText.Of(m.Topic), m.NextStep, m.NextStepBy);
}

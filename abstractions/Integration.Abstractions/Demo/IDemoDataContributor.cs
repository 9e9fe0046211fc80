using Integration.Abstractions.Kernel;
using Integration.Abstractions.Participants;

namespace Integration.Abstractions.Demo;

/// <summary>
/// A module's part of the product's demo data (<c>build/run.sh demo</c>). The host creates the demo tenants, programmes,
/// synthetic participants and their enrolments in the module, then asks the module to add its own records for them
/// (courses and attendance, matches and meetings, pathways and monthly statuses), so that a new user sees filled
/// worklists and rollups at once.
/// </summary>
/// <remarks>
/// Called once per demo programme that uses the module, in the demo tenant's context, with the module enabled. Write
/// through the module's own context and the contract services (<see cref="IOutcomeRecorder"/>,
/// <see cref="FollowUps.IFollowUpEvents"/>) as the module's endpoints do. Use only synthetic data, and draw every random
/// choice from <see cref="DemoProgramme.Seed"/> so that the demo is the same each time.
/// </remarks>
public interface IDemoDataContributor
{
    /// <summary>The module's id.</summary>
    string ModuleId { get; }

    /// <summary>Adds the module's records for the programme's enrolments in the module.</summary>
    Task SeedAsync(DemoProgramme programme, CancellationToken cancellationToken);
}

/// <summary>A demo programme and the enrolments the host created in the module.</summary>
/// <param name="TenantId">The demo tenant.</param>
/// <param name="ProgrammeId">The programme.</param>
/// <param name="ProgrammeName">The programme's name.</param>
/// <param name="MunicipalityCode">The tenant's municipality code (4 digits), when it is a municipality.</param>
/// <param name="Today">The demo's today: histories end here.</param>
/// <param name="Seed">The seed for every random choice.</param>
/// <param name="Enrolments">The programme's enrolments in the module, oldest first.</param>
public sealed record DemoProgramme(
    Guid TenantId,
    Guid ProgrammeId,
    string ProgrammeName,
    string? MunicipalityCode,
    DateOnly Today,
    int Seed,
    IReadOnlyList<DemoEnrolment> Enrolments);

/// <summary>One synthetic participant's enrolment in the module.</summary>
/// <param name="EnrolmentId">The enrolment.</param>
/// <param name="ParticipantId">The participant.</param>
/// <param name="Gender">The participant's gender.</param>
/// <param name="BirthYear">The participant's birth year.</param>
/// <param name="Languages">Languages the participant speaks (ISO 639 codes).</param>
/// <param name="Status">The enrolment's status today.</param>
/// <param name="StartDate">The first day as active, when started.</param>
/// <param name="ExitDate">The exit date, when exited.</param>
/// <param name="ExitReason">Why the participant left, when exited.</param>
public sealed record DemoEnrolment(
    Guid EnrolmentId,
    Guid ParticipantId,
    Gender Gender,
    int? BirthYear,
    IReadOnlyList<string> Languages,
    EnrolmentStatus Status,
    DateOnly? StartDate,
    DateOnly? ExitDate,
    ExitReason? ExitReason);

using Integration.Modules.BusinessSchool.Data;
using Integration.Modules.BusinessSchool.Http;
using Integration.Modules.BusinessSchool.Participants;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.BusinessSchool.Companies;

/// <summary>Companies participants start, and the checks 6 and 12 months after the course.</summary>
internal static class CompanyEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/participants/{participantId:guid}/companies", Create).RequireAuthorization(BusinessSchoolModule.WritePermission)
            .WithName("BusinessSchoolCreateCompany").WithSummary("Records a participant's company, in registration or registered; registering records a self-employed outcome.");
        var companies = endpoints.MapGroup("/companies");
        companies.MapGet("/{companyId:guid}", Get).RequireAuthorization(BusinessSchoolModule.ReadPermission)
            .WithName("BusinessSchoolGetCompany").WithSummary("Reads a company with its checks; the ETag is its version.");
        companies.MapPut("/{companyId:guid}", Update).RequireAuthorization(BusinessSchoolModule.WritePermission)
            .WithName("BusinessSchoolUpdateCompany").WithSummary("Changes a company (for example: registered now); needs If-Match.");
        companies.MapPost("/{companyId:guid}/checks", AddCheck).RequireAuthorization(BusinessSchoolModule.WritePermission)
            .WithName("BusinessSchoolAddCompanyCheck").WithSummary("Records the check 6 or 12 months after the course: active, turnover band, employees.");
    }

    private static async Task<Results<Created<CompanyResponse>, ValidationProblem, ProblemHttpResult>> Create(
        Guid participantId, CompanyRequest request, HttpContext http, SchoolDbContext db, SchoolParticipants participants, CompanyRegistration registration,
        TimeProvider clock, CancellationToken ct)
    {
        if (await participants.FindAsync(participantId, ct) is not { } participant)
        {
            return Problems.ParticipantNotFound();
        }

        var errors = request.Validate(clock.Today(), out var company);
        var enrolment = await participants.AttributionAsync(participant.Id, company.RegisteredOn ?? clock.Today(), errors, ct);
        if (!errors.IsEmpty || enrolment is null)
        {
            return Problems.Validation(errors);
        }

        if (await TakenAsync(db, company.OrganisationNumber, null, ct))
        {
            return Taken();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        company.Id = Guid.NewGuid();
        company.ParticipantId = participant.Id;
        company.EnrolmentId = enrolment.Id;
        company.ProgrammeId = enrolment.ProgrammeId;
        company.Version = 1;
        company.CreatedAt = company.UpdatedAt = now;
        if (await registration.RegisteredAsync(company, ct) is { } refused)
        {
            return Problems.Field("registeredOn", refused, refused);
        }

        db.Companies.Add(company);
        await db.SaveChangesAsync(ct);
        http.Response.SetETag(company.Version);
        return TypedResults.Created($"/api/modules/{BusinessSchoolModule.Id}/companies/{company.Id}", CompanyResponse.From(company, []));
    }

    private static async Task<Results<Ok<CompanyResponse>, ProblemHttpResult>> Get(Guid companyId, HttpContext http, SchoolDbContext db, CancellationToken ct)
    {
        var company = await db.Companies.AsNoTracking().FirstOrDefaultAsync(c => c.Id == companyId, ct);
        if (company is null)
        {
            return Problems.CompanyNotFound();
        }

        http.Response.SetETag(company.Version);
        return TypedResults.Ok(CompanyResponse.From(company, await db.CompanyChecks.AsNoTracking().Where(c => c.CompanyId == companyId).ToListAsync(ct)));
    }

    private static async Task<Results<Ok<CompanyResponse>, ValidationProblem, ProblemHttpResult>> Update(
        Guid companyId, CompanyRequest request, HttpContext http, SchoolDbContext db, CompanyRegistration registration, TimeProvider clock, CancellationToken ct)
    {
        var company = await db.Companies.FirstOrDefaultAsync(c => c.Id == companyId, ct);
        if (company is null)
        {
            return Problems.CompanyNotFound();
        }

        if (Versions.CheckIfMatch(http.Request, company.Version) is { } precondition)
        {
            return precondition;
        }

        var errors = request.Validate(clock.Today(), out var values);
        errors.Require(company.Status != CompanyStatus.Registered || values.Status == CompanyStatus.Registered, "status", FieldRules.T(
            "Ett registrerat företag går inte tillbaka till under registrering.", "A registered company does not go back to in registration."));
        var firstCheck = await db.CompanyChecks.AsNoTracking().Where(c => c.CompanyId == companyId).OrderBy(c => c.CheckedOn).Select(c => (DateOnly?)c.CheckedOn).FirstOrDefaultAsync(ct);
        errors.Require(firstCheck is null || values.RegisteredOn is null || values.RegisteredOn <= firstCheck, "registeredOn", FieldRules.T(
            "Registreringen kan inte ligga efter en uppföljning av företaget.", "The registration cannot be after a check of the company."));
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        if (await TakenAsync(db, values.OrganisationNumber, companyId, ct))
        {
            return Taken();
        }

        company.Name = values.Name;
        company.LegalForm = values.LegalForm;
        company.Status = values.Status;
        company.OrganisationNumber = values.OrganisationNumber;
        company.RegistrationAppliedOn = values.RegistrationAppliedOn;
        company.RegisteredOn = values.RegisteredOn;
        company.FTaxApprovedOn = values.FTaxApprovedOn;
        company.Industry = values.Industry;
        company.SniCode = values.SniCode;
        company.Version++;
        company.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        if (await registration.RegisteredAsync(company, ct) is { } refused)
        {
            return Problems.Field("registeredOn", refused, refused);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Versions.Stale();
        }

        http.Response.SetETag(company.Version);
        return TypedResults.Ok(CompanyResponse.From(company, await db.CompanyChecks.AsNoTracking().Where(c => c.CompanyId == companyId).ToListAsync(ct)));
    }

    private static async Task<Results<Created<CompanyCheckResponse>, ValidationProblem, ProblemHttpResult>> AddCheck(
        Guid companyId, CompanyCheckRequest request, SchoolDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var company = await db.Companies.AsNoTracking().FirstOrDefaultAsync(c => c.Id == companyId, ct);
        if (company is null)
        {
            return Problems.CompanyNotFound();
        }

        if (company.Status != CompanyStatus.Registered)
        {
            return Problems.Conflict("Företaget är inte registrerat än: registrera det först.", "The company is not registered yet: register it first.");
        }

        var errors = request.Validate(company, clock.Today(), out var check);
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        if (await db.CompanyChecks.AnyAsync(c => c.CompanyId == companyId && c.Point == check.Point, ct))
        {
            return Problems.Conflict("Den uppföljningen är redan registrerad för företaget.", "That check is already recorded for the company.");
        }

        check.Id = Guid.NewGuid();
        check.RecordedAt = clock.GetUtcNow().UtcDateTime;
        db.CompanyChecks.Add(check);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict("Den uppföljningen är redan registrerad för företaget.", "That check is already recorded for the company.");
        }

        return TypedResults.Created($"/api/modules/{BusinessSchoolModule.Id}/companies/{companyId}", CompanyCheckResponse.From(check));
    }

    private static async Task<bool> TakenAsync(SchoolDbContext db, string? number, Guid? except, CancellationToken ct) =>
        number is not null && await db.Companies.AnyAsync(c => c.OrganisationNumber == number && c.Id != except, ct);

    private static ProblemHttpResult Taken() =>
        Problems.Conflict("Ett företag med det organisationsnumret finns redan.", "A company with that organisation number already exists.");
}

using System.Text.RegularExpressions;
using Integration.Abstractions.Validation;
using Integration.Modules.BusinessSchool.Data;
using Integration.Modules.BusinessSchool.Http;

namespace Integration.Modules.BusinessSchool.Companies;

/// <summary>A company a participant starts, to register or change.</summary>
/// <param name="LegalForm"><c>soleTrader</c> (enskild firma), <c>tradingPartnership</c> (handelsbolag), <c>limitedCompany</c> (aktiebolag) or <c>economicAssociation</c> (ekonomisk förening).</param>
/// <param name="Status"><c>registrationInProgress</c> or <c>registered</c>; registering records a self-employed outcome.</param>
/// <param name="OrganisationNumber">Ten digits with a valid check digit (<c>556677-8899</c>); a sole trader's is the owner's personnummer. Required once registered.</param>
/// <param name="RegistrationAppliedOn">When the registration was sent (Bolagsverket, Skatteverket), not after the registration.</param>
/// <param name="RegisteredOn">When it was registered; required with <c>registered</c>, not in the future.</param>
/// <param name="FTaxApprovedOn">When F-skatt was approved: only for a registered company, not before the registration.</param>
/// <param name="Industry">The line of business in words, at most 200 characters.</param>
/// <param name="SniCode">SNI 2007 code, 2 to 5 digits, when known.</param>
public sealed partial record CompanyRequest(
    string? Name,
    string? LegalForm,
    string? Status,
    string? OrganisationNumber,
    DateOnly? RegistrationAppliedOn,
    DateOnly? RegisteredOn,
    DateOnly? FTaxApprovedOn,
    string? Industry,
    string? SniCode)
{
    internal FieldErrors Validate(DateOnly today, out Company values)
    {
        var errors = new FieldErrors();
        var form = errors.Choice<LegalForm>("legalForm", LegalForm, required: true);
        var status = errors.Choice<CompanyStatus>("status", Status, required: true);
        string? number = null;
        if (!string.IsNullOrWhiteSpace(OrganisationNumber) && form is { } f)
        {
            number = Companies.OrganisationNumber.Normalise(OrganisationNumber, f, out var error);
            if (error is not null)
            {
                errors.Add("organisationNumber", error);
            }
        }
        else if (status == CompanyStatus.Registered && string.IsNullOrWhiteSpace(OrganisationNumber))
        {
            errors.Add("organisationNumber", FieldRules.T("Ett registrerat företag har ett organisationsnummer.", "A registered company has an organisation number."));
        }

        if (status == CompanyStatus.Registered)
        {
            errors.Require(RegisteredOn is not null, "registeredOn", FieldRules.T("Ange när företaget registrerades.", "Give the day the company was registered."));
        }
        else if (status == CompanyStatus.RegistrationInProgress)
        {
            errors.Require(RegisteredOn is null, "registeredOn", FieldRules.T("Ett företag under registrering har inget registreringsdatum.", "A company in registration has no registration date."));
            errors.Require(FTaxApprovedOn is null, "fTaxApprovedOn", FieldRules.T("F-skatt godkänns för ett registrerat företag.", "F-skatt is approved for a registered company."));
        }

        errors.NotFuture("registrationAppliedOn", RegistrationAppliedOn, today);
        errors.NotFuture("registeredOn", RegisteredOn, today);
        errors.NotFuture("fTaxApprovedOn", FTaxApprovedOn, today);
        errors.Require(RegistrationAppliedOn is null || RegisteredOn is null || RegistrationAppliedOn <= RegisteredOn, "registrationAppliedOn", FieldRules.T(
            "Ansökan kan inte ligga efter registreringen.", "The application cannot be after the registration."));
        errors.Require(FTaxApprovedOn is null || RegisteredOn is null || FTaxApprovedOn >= RegisteredOn, "fTaxApprovedOn", FieldRules.T(
            "F-skatt godkänns inte före registreringen.", "F-skatt is not approved before the registration."));
        var sni = string.IsNullOrWhiteSpace(SniCode) ? null : SniCode.Trim().Replace(".", string.Empty, StringComparison.Ordinal);
        errors.Require(sni is null || SniPattern().IsMatch(sni), "sniCode", FieldRules.T("Ange en SNI-kod med 2–5 siffror.", "Give an SNI code of 2–5 digits."));

        values = new Company
        {
            Name = errors.Text("name", Name, SchoolDbContext.TextLength, required: true) ?? string.Empty,
            LegalForm = form ?? default,
            Status = status ?? default,
            OrganisationNumber = number,
            RegistrationAppliedOn = RegistrationAppliedOn,
            RegisteredOn = RegisteredOn,
            FTaxApprovedOn = FTaxApprovedOn,
            Industry = errors.Text("industry", Industry, SchoolDbContext.TextLength, required: true) ?? string.Empty,
            SniCode = sni,
        };
        return errors;
    }

    [GeneratedRegex("^[0-9]{2,5}$")]
    private static partial Regex SniPattern();
}

/// <summary>A company; the ETag is its version.</summary>
/// <param name="OutcomeId">The self-employed outcome recorded in the participant's record when the company was registered.</param>
public sealed record CompanyResponse(
    Guid Id,
    Guid ParticipantId,
    Guid EnrolmentId,
    string Name,
    string LegalForm,
    string Status,
    string? OrganisationNumber,
    DateOnly? RegistrationAppliedOn,
    DateOnly? RegisteredOn,
    DateOnly? FTaxApprovedOn,
    string Industry,
    string? SniCode,
    Guid? OutcomeId,
    IReadOnlyList<CompanyCheckResponse> Checks,
    long Version)
{
    internal static CompanyResponse From(Company c, IEnumerable<CompanyCheck> checks) => new(
        c.Id, c.ParticipantId, c.EnrolmentId, c.Name, EnumText.Of(c.LegalForm), EnumText.Of(c.Status), c.OrganisationNumber,
        c.RegistrationAppliedOn, c.RegisteredOn, c.FTaxApprovedOn, c.Industry, c.SniCode, c.OutcomeId,
        checks.OrderBy(k => k.Point).Select(CompanyCheckResponse.From).ToList(), c.Version);
}

/// <summary>A check of the company 6 or 12 months after the course.</summary>
/// <param name="Point"><c>sixMonths</c> or <c>twelveMonths</c>; one check of each.</param>
/// <param name="CheckedOn">Not in the future, not before the registration.</param>
/// <param name="Active">Whether the company is still active (trading).</param>
/// <param name="Turnover">Yearly turnover in SEK, required when active: <c>none</c>, <c>under100k</c>, <c>from100kTo500k</c>, <c>from500kTo1m</c>, <c>from1mTo5m</c>, <c>over5m</c>.</param>
/// <param name="Employees">Employees besides the owner, 0–1000, required when active.</param>
public sealed record CompanyCheckRequest(string? Point, DateOnly? CheckedOn, bool? Active, string? Turnover, int? Employees, string? Note)
{
    public const int MaxEmployees = 1000;

    internal FieldErrors Validate(Company company, DateOnly today, out CompanyCheck values)
    {
        var errors = new FieldErrors();
        var point = errors.Choice<CheckPoint>("point", Point, required: true);
        var checkedOn = errors.Date("checkedOn", CheckedOn);
        errors.NotFuture("checkedOn", CheckedOn, today);
        errors.Require(CheckedOn is null || company.RegisteredOn is null || checkedOn >= company.RegisteredOn, "checkedOn", FieldRules.T(
            "Uppföljningen kan inte ligga före registreringen.", "The check cannot be before the registration."));
        errors.Require(Active is not null, "active", FieldRules.T("Ange om företaget är aktivt.", "Say whether the company is active."));
        var turnover = errors.Choice<TurnoverBand>("turnover", Turnover, required: Active == true);
        errors.Require(Employees is null or (>= 0 and <= MaxEmployees), "employees", FieldRules.T($"Ange 0–{MaxEmployees} anställda.", $"Give 0–{MaxEmployees} employees."));
        errors.Require(Employees is not null || Active != true, "employees", FieldRules.T("Ange antalet anställda för ett aktivt företag.", "Give the number of employees of an active company."));
        values = new CompanyCheck
        {
            CompanyId = company.Id,
            ParticipantId = company.ParticipantId,
            Point = point ?? default,
            CheckedOn = checkedOn,
            Active = Active == true,
            Turnover = turnover,
            Employees = Employees,
            Note = errors.Text("note", Note, SchoolDbContext.NoteLength, required: false),
        };
        return errors;
    }
}

/// <summary>A recorded company check.</summary>
public sealed record CompanyCheckResponse(Guid Id, string Point, DateOnly CheckedOn, bool Active, string? Turnover, int? Employees, string? Note)
{
    internal static CompanyCheckResponse From(CompanyCheck c) =>
        new(c.Id, EnumText.Of(c.Point), c.CheckedOn, c.Active, c.Turnover is { } t ? EnumText.Of(t) : null, c.Employees, c.Note);
}

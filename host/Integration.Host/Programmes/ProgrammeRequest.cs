using System.Text.RegularExpressions;
using Integration.Abstractions.Kernel;
using Integration.Abstractions.Validation;
using Integration.Host.Modules;
using Integration.Host.Tenancy;

namespace Integration.Host.Programmes;

/// <summary>Creates or updates a programme.</summary>
/// <param name="Name">The project's name.</param>
/// <param name="Funder"><c>esfPlus</c>, <c>amif</c>, <c>leader</c>, <c>municipal</c> or <c>other</c>.</param>
/// <param name="ProjectNumber">The funder's project number, such as <c>2015/00763</c> (ESF+ numbers are year/number).</param>
/// <param name="PeriodStart">First day of the project period.</param>
/// <param name="PeriodEnd">Last day of the project period.</param>
/// <param name="BudgetSek">Total budget in SEK.</param>
/// <param name="GrantSek">The funder's grant in SEK, at most the budget.</param>
/// <param name="PlannedParticipants">Planned participants in total.</param>
/// <param name="PlannedWomen">Planned women.</param>
/// <param name="PlannedMen">Planned men.</param>
/// <param name="MunicipalityCodes">Four-digit municipality codes covered.</param>
/// <param name="ModuleIds">The modules (activities) the programme uses.</param>
public sealed partial record ProgrammeRequest(
    string Name,
    Funder? Funder,
    string? ProjectNumber,
    DateOnly? PeriodStart,
    DateOnly? PeriodEnd,
    decimal? BudgetSek,
    decimal? GrantSek,
    int? PlannedParticipants,
    int? PlannedWomen,
    int? PlannedMen,
    IReadOnlyList<string>? MunicipalityCodes,
    IReadOnlyList<string>? ModuleIds)
{
    internal FieldErrors Validate(ModuleCatalog catalog)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > 200)
        {
            errors.Add("name", T("Ange ett namn på högst 200 tecken.", "Give a name of at most 200 characters."));
        }

        if (Funder is null)
        {
            errors.Add("funder", T("Ange finansiär: esfPlus, amif, leader, municipal eller other.", "Give the funder: esfPlus, amif, leader, municipal or other."));
        }

        var projectNumber = ProjectNumber?.Trim();
        if (projectNumber is { Length: > 50 })
        {
            errors.Add("projectNumber", T("Projektnumret har högst 50 tecken.", "The project number has at most 50 characters."));
        }
        else if (Funder == Programmes.Funder.EsfPlus && !string.IsNullOrEmpty(projectNumber) && !EsfNumber().IsMatch(projectNumber))
        {
            errors.Add("projectNumber", T("Ett ESF-projektnummer skrivs år/nummer, till exempel 2015/00763.", "An ESF project number is year/number, such as 2015/00763."));
        }

        if (PeriodStart is null)
        {
            errors.Add("periodStart", T("Ange projektperiodens första dag.", "Give the first day of the project period."));
        }

        if (PeriodEnd is null)
        {
            errors.Add("periodEnd", T("Ange projektperiodens sista dag.", "Give the last day of the project period."));
        }
        else if (PeriodStart is not null && PeriodEnd < PeriodStart)
        {
            errors.Add("periodEnd", T("Perioden kan inte sluta före den börjar.", "The period cannot end before it starts."));
        }

        errors.Require(BudgetSek is null or >= 0, "budgetSek", T("Budgeten kan inte vara negativ.", "The budget cannot be negative."));
        errors.Require(GrantSek is null or >= 0, "grantSek", T("Bidraget kan inte vara negativt.", "The grant cannot be negative."));
        if (GrantSek > BudgetSek && BudgetSek is not null)
        {
            errors.Add("grantSek", T("Bidraget kan inte vara större än budgeten.", "The grant cannot be larger than the budget."));
        }

        errors.Require(PlannedParticipants is null or >= 0, "plannedParticipants", T("Antalet kan inte vara negativt.", "The number cannot be negative."));
        errors.Require(PlannedWomen is null or >= 0, "plannedWomen", T("Antalet kan inte vara negativt.", "The number cannot be negative."));
        errors.Require(PlannedMen is null or >= 0, "plannedMen", T("Antalet kan inte vara negativt.", "The number cannot be negative."));
        if (PlannedParticipants is { } total && (PlannedWomen ?? 0) + (PlannedMen ?? 0) > total)
        {
            errors.Add("plannedParticipants", T("Planerade kvinnor och män är fler än planerade deltagare totalt.", "Planned women and men are more than the planned total."));
        }

        foreach (var code in MunicipalityCodes ?? [])
        {
            if (!SwedishRegionCodes.IsMunicipalityCode(code))
            {
                errors.Add("municipalityCodes", T($"'{code}' är ingen giltig kommunkod.", $"'{code}' is not a valid municipality code."));
            }
        }

        foreach (var module in ModuleIds ?? [])
        {
            if (!catalog.IsAvailable(module))
            {
                errors.Add("moduleIds", T($"Modulen '{module}' är inte installerad.", $"The module '{module}' is not installed."));
            }
        }

        return errors;
    }

    internal void ApplyTo(Programme programme)
    {
        programme.Name = Name.Trim();
        programme.Funder = Funder!.Value;
        programme.ProjectNumber = string.IsNullOrWhiteSpace(ProjectNumber) ? null : ProjectNumber.Trim();
        programme.PeriodStart = PeriodStart!.Value;
        programme.PeriodEnd = PeriodEnd!.Value;
        programme.BudgetSek = BudgetSek;
        programme.GrantSek = GrantSek;
        programme.PlannedParticipants = PlannedParticipants;
        programme.PlannedWomen = PlannedWomen;
        programme.PlannedMen = PlannedMen;
        programme.MunicipalityCodes = (MunicipalityCodes ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        programme.ModuleIds = (ModuleIds ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    private static string T(string sv, string en) => LocalizedText.Pick(sv, en);

    [GeneratedRegex(@"^\d{4}/\d{3,6}$")]
    private static partial Regex EsfNumber();
}

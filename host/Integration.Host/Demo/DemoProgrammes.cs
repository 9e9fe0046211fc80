using Integration.Host.Data;

namespace Integration.Host.Demo;

/// <summary>
/// The programmes of the demo, modelled on the five real programmes of the product brief (their names, funders, project
/// numbers, owners and municipalities), with periods moved so that they run today. Everyone in them is synthetic.
/// </summary>
internal static class DemoProgrammes
{
    public static IReadOnlyList<DemoTenantPlan> All { get; } =
    [
        new("Hedemora kommun (demo)", "hedemora", TenantKind.Municipality, "2083", null,
            new("En väg in", "amif", null, 120, ["2083"], ["business-school", "mentoring", "health"]), Participants: 90),
        new("Åre kommun (demo)", "are", TenantKind.Municipality, "2321", null,
            new("Hållbar integration i Åre", "amif", null, 100, ["2321"], ["democracy-dialogue", "mentoring", "income-support", "health"]), Participants: 80),
        new("Medborgarskolan Region Väst (demo)", "alv", TenantKind.Organisation, null, null,
            new("Arbeta och leva i Väst (ALV)", "esfPlus", "2015/00763", 380, ["1480", "1487", "1488", "1490"], ["mentoring", "business-school"]), Participants: 120),
        new("Region Dalarna (demo)", "dalarna", TenantKind.Region, null, "20",
            new("Dalarna – implementering integration", "esfPlus", null, 150,
                ["2021", "2023", "2026", "2029", "2031", "2034", "2039", "2061", "2062", "2080", "2081", "2082", "2083", "2084", "2085"],
                ["income-support", "mentoring"]), Participants: 60),
        new("Framtidsbygder Dalsland Årjäng Munkedal (demo)", "framtidsbygder", TenantKind.Organisation, null, null,
            new("Steget före", "leader", "2016-7451", 200, ["1430", "1438", "1439", "1460", "1461", "1487", "1492", "1765"], ["mentoring", "business-school"]), Participants: 80),
    ];
}

/// <summary>A demo tenant with its programme.</summary>
/// <param name="Slug">Short name for the demo accounts' e-mail addresses.</param>
/// <param name="Participants">How many synthetic participants the programme gets.</param>
internal sealed record DemoTenantPlan(string Name, string Slug, TenantKind Kind, string? MunicipalityCode, string? CountyCode, DemoProgrammePlan Programme, int Participants);

/// <summary>A demo programme; modules that are not loaded are left out of it.</summary>
internal sealed record DemoProgrammePlan(string Name, string Funder, string? ProjectNumber, int PlannedParticipants, IReadOnlyList<string> MunicipalityCodes, IReadOnlyList<string> ModuleIds);

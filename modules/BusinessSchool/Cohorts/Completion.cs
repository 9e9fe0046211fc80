namespace Integration.Modules.BusinessSchool.Cohorts;

/// <summary>The completion rule: a member completed a cohort when present at at least 75 % of its sessions.</summary>
internal static class Completion
{
    public const int PercentRequired = 75;

    public static bool Completed(int present, int sessions) => sessions > 0 && present * 100 >= sessions * PercentRequired;
}

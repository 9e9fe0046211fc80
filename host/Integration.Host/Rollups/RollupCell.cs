using Integration.Abstractions.Data;
using Integration.Abstractions.Kernel;

namespace Integration.Host.Rollups;

/// <summary>
/// One published figure: a measure for a programme, period, module (or <c>*</c> for all) and a gender and age band
/// (null: all). Every combination a report can group by is stored, so that distinct counts and medians are exact at
/// every level instead of summed from smaller cells.
/// </summary>
public sealed class RollupCell : ITenantOwned
{
    public long Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid ProgrammeId { get; set; }

    /// <summary><c>2026-11</c>, <c>2026-Q4</c>, <c>2026</c> or <c>ptd</c> (programme to date).</summary>
    public required string Period { get; set; }

    /// <summary>The module, or <see cref="AllModules"/>.</summary>
    public required string ModuleId { get; set; }

    public Gender? Gender { get; set; }

    public AgeBand? AgeBand { get; set; }

    public required string Measure { get; set; }

    public decimal Value { get; set; }

    /// <summary>How many facts the value is made of (participants for a share or a median): what suppression looks at.</summary>
    public int N { get; set; }

    public Guid RunId { get; set; }

    public DateTime ComputedAt { get; set; }

    /// <summary>The module id of the cells that cover every module of the programme.</summary>
    public const string AllModules = "*";
}

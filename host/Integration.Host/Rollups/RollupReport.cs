using Integration.Abstractions.Kernel;
using Integration.Abstractions.Rollups;
using Integration.Host.Data;
using Integration.Host.Programmes;
using Microsoft.EntityFrameworkCore;

namespace Integration.Host.Rollups;

/// <summary>Reads a published period of a programme and shapes it by the requested grouping, suppressed or exact.</summary>
public sealed class RollupReport(IntegrationDbContext db, IEnumerable<IRollupContributor> contributors)
{
    public static readonly IReadOnlyList<string> Dimensions = ["gender", "ageBand", "module"];

    public async Task<RollupReportResponse> BuildAsync(Programme programme, RollupPeriod period, IReadOnlySet<string> groupBy, bool suppress, CancellationToken ct)
    {
        var byGender = groupBy.Contains("gender");
        var byAge = groupBy.Contains("ageBand");
        var byModule = groupBy.Contains("module");
        var cells = await db.RollupCells.AsNoTracking().Where(c => c.ProgrammeId == programme.Id && c.Period == period.Key).ToListAsync(ct);
        var measures = Measures(programme);

        var totals = cells.Where(c => c.ModuleId == RollupCell.AllModules && c.Gender == null && c.AgeBand == null).ToDictionary(c => c.Measure, StringComparer.Ordinal);
        var selected = cells.Where(c => (byModule ? c.ModuleId != RollupCell.AllModules : c.ModuleId == RollupCell.AllModules)
            && (byGender ? c.Gender != null : c.Gender == null) && (byAge ? c.AgeBand != null : c.AgeBand == null))
            .ToLookup(c => (byModule ? c.ModuleId : null, c.Gender, c.AgeBand));

        var keys = (from module in byModule ? programme.ModuleIds.Select(m => (string?)m) : [null]
                    from gender in byGender ? Enum.GetValues<Gender>().Select(g => (Gender?)g) : [null]
                    from age in byAge ? Enum.GetValues<AgeBand>().Select(a => (AgeBand?)a) : [null]
                    select (module, gender, age)).ToList();
        var rows = keys.Select(k => new Dictionary<string, RollupFigureCell>(StringComparer.Ordinal)).ToList();
        var total = new Dictionary<string, RollupFigureCell>(StringComparer.Ordinal);
        foreach (var measure in measures)
        {
            var isCount = RollupMeasures.IsCount(measure.Aggregation);
            for (var i = 0; i < keys.Count; i++)
            {
                var cell = selected[keys[i]].FirstOrDefault(c => c.Measure == measure.Id);
                rows[i][measure.Id] = cell is null ? new RollupFigureCell(isCount ? 0 : null, 0) : new RollupFigureCell(cell.Value, cell.N);
            }

            var totalCell = totals.GetValueOrDefault(measure.Id);
            total[measure.Id] = totalCell is null ? new RollupFigureCell(isCount ? 0 : null, 0) : new RollupFigureCell(totalCell.Value, totalCell.N);
            // Special-category figures (health) are suppressed for tenant admins too.
            if (suppress || measure.AlwaysSuppressed)
            {
                RollupSuppression.Apply(rows.Select(r => r[measure.Id]).ToList(), total[measure.Id], isCount);
                if (isCount)
                {
                    RollupSuppression.ProtectMargins(Margins(keys, byModule, byGender, byAge).Select(line => line.Select(i => rows[i][measure.Id]).ToList()).ToList());
                }
            }
        }

        if (suppress)
        {
            // A response rate next to a hidden count of done or missed follow-ups would give the count back.
            foreach (var figures in rows.Append(total))
            {
                if (figures[RollupMeasures.FollowUpsDone].Suppressed || figures[RollupMeasures.FollowUpsMissed].Suppressed)
                {
                    figures[RollupMeasures.FollowUpResponseRate].Suppressed = true;
                }
            }
        }

        var actual = await ActualAsync(programme, period.Key == RollupPeriod.ProgrammeToDate ? cells : null, suppress, ct);
        return new RollupReportResponse(
            programme.Id,
            period.Key,
            period.From,
            period.To,
            cells.Count == 0 ? null : cells.Max(c => c.ComputedAt),
            cells.Count == 0 ? null : cells[0].RunId,
            [.. groupBy.OrderBy(g => Dimensions.ToList().IndexOf(g))],
            suppress,
            measures.Select(m => new RollupMeasureInfo(m.Id, m.Name.Current, m.Aggregation, suppress || m.AlwaysSuppressed)).ToList(),
            new PlannedActual(programme.PlannedParticipants, programme.PlannedWomen, programme.PlannedMen, actual.Total, actual.Women, actual.Men),
            keys.Select((k, i) => new RollupRow(k.module, k.gender, k.age, rows[i].ToDictionary(p => p.Key, p => p.Value.ToFigure(), StringComparer.Ordinal))).ToList(),
            total.ToDictionary(p => p.Key, p => p.Value.ToFigure(), StringComparer.Ordinal));
    }

    /// <summary>
    /// The lines of a grouping by two or more dimensions: the rows that share every dimension but one add up to a
    /// margin another report publishes (the women of every age band add up to the women of <c>groupBy=gender</c>).
    /// </summary>
    private static IEnumerable<List<int>> Margins(IReadOnlyList<(string? Module, Gender? Gender, AgeBand? Age)> keys, bool byModule, bool byGender, bool byAge)
    {
        if (new[] { byModule, byGender, byAge }.Count(b => b) < 2)
        {
            yield break;
        }

        var indexed = keys.Select((k, i) => (k, i)).ToList();
        if (byGender)
        {
            foreach (var line in indexed.GroupBy(x => (x.k.Module, x.k.Age)))
            {
                yield return line.Select(x => x.i).ToList();
            }
        }

        if (byAge)
        {
            foreach (var line in indexed.GroupBy(x => (x.k.Module, x.k.Gender)))
            {
                yield return line.Select(x => x.i).ToList();
            }
        }
    }

    /// <summary>The host's measures, then those of the programme's modules that contribute.</summary>
    public IReadOnlyList<RollupMeasure> Measures(Programme programme) =>
        [.. RollupMeasures.Core, .. contributors.Where(c => programme.ModuleIds.Contains(c.ModuleId)).SelectMany(c => c.Measures).DistinctBy(m => m.Id)];

    /// <summary>Participants who have started, programme to date, against the plan: from the published programme-to-date cells.</summary>
    private async Task<(RollupFigure Total, RollupFigure Women, RollupFigure Men)> ActualAsync(Programme programme, List<RollupCell>? programmeToDate, bool suppress, CancellationToken ct)
    {
        programmeToDate ??= await db.RollupCells.AsNoTracking()
            .Where(c => c.ProgrammeId == programme.Id && c.Period == RollupPeriod.ProgrammeToDate && c.Measure == RollupMeasures.Enrolled)
            .ToListAsync(ct);
        var enrolled = programmeToDate.Where(c => c.ModuleId == RollupCell.AllModules && c.AgeBand == null && c.Measure == RollupMeasures.Enrolled).ToList();
        var total = Figure(enrolled.FirstOrDefault(c => c.Gender == null));
        var byGender = Enum.GetValues<Gender>().Select(g => Figure(enrolled.FirstOrDefault(c => c.Gender == g))).ToList();
        if (suppress)
        {
            RollupSuppression.Apply(byGender, total, isCount: true);
        }

        return (total.ToFigure(), byGender[(int)Gender.Woman - 1].ToFigure(), byGender[(int)Gender.Man - 1].ToFigure());
    }

    private static RollupFigureCell Figure(RollupCell? cell) => cell is null ? new RollupFigureCell(0, 0) : new RollupFigureCell(cell.Value, cell.N);
}

/// <summary>A programme's figures for a period.</summary>
/// <param name="ComputedAt">When the period was last published; null when it has not been computed yet (<c>POST /api/rollups/run</c>).</param>
/// <param name="Suppressed">Whether counts between 1 and 4 are hidden (everyone but tenant admins, and every export).</param>
/// <param name="Rows">One row per combination of the grouping's values.</param>
/// <param name="Total">The programme's figures over every group.</param>
public sealed record RollupReportResponse(
    Guid ProgrammeId,
    string Period,
    DateOnly From,
    DateOnly To,
    DateTime? ComputedAt,
    Guid? RunId,
    IReadOnlyList<string> GroupBy,
    bool Suppressed,
    IReadOnlyList<RollupMeasureInfo> Measures,
    PlannedActual Participants,
    IReadOnlyList<RollupRow> Rows,
    IReadOnlyDictionary<string, RollupFigure> Total);

/// <param name="Suppressed">Whether small numbers of this measure are hidden in this report (always for special-category data).</param>
public sealed record RollupMeasureInfo(string Id, string Name, RollupAggregation Aggregation, bool Suppressed);

/// <summary>A row: its module, gender and age band (null where not grouped by) and a figure per measure id.</summary>
public sealed record RollupRow(string? Module, Gender? Gender, AgeBand? AgeBand, IReadOnlyDictionary<string, RollupFigure> Figures);

/// <summary>Planned participants (from the programme) against those who started, programme to date.</summary>
public sealed record PlannedActual(int? PlannedTotal, int? PlannedWomen, int? PlannedMen, RollupFigure ActualTotal, RollupFigure ActualWomen, RollupFigure ActualMen);

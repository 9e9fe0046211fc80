using Integration.Modules.IncomeSupport.Data;
using Integration.Modules.IncomeSupport.Http;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.IncomeSupport.Pathways;

internal static class PathwayResponses
{
    public const string Open = "open";
    public const string SelfSufficient = "selfSufficient";

    public static string Status(Pathway p) => p.SelfSufficientOn is null ? Open : SelfSufficient;

    public static async Task<PathwayResponse> OneAsync(IncomeSupportDbContext db, Pathway p, int required, CancellationToken ct)
    {
        var months = await db.Months.AsNoTracking().Where(m => m.PathwayId == p.Id).OrderBy(m => m.Month).ToListAsync(ct);
        var steps = await db.Steps.AsNoTracking().Where(s => s.PathwayId == p.Id).OrderBy(s => s.StartDate).ThenBy(s => s.CreatedAt).ToListAsync(ct);
        var barriers = await db.Barriers.AsNoTracking().Where(b => b.PathwayId == p.Id).OrderBy(b => b.IdentifiedOn).ThenBy(b => b.CreatedAt).ToListAsync(ct);
        var state = SelfSufficiency.Evaluate(p.FirstApplicationOn, months.Select(m => (m.Month, m.SupportPaid)), required);
        return new PathwayResponse(
            p.Id, p.ParticipantId, p.EnrolmentId, p.HouseholdReference, p.FirstApplicationOn, Status(p), p.SelfSufficientOn, state.MonthsWithoutSupport, required,
            p.OutcomeId, p.Version, p.CreatedAt, p.UpdatedAt,
            months.Select(Month).ToList(), steps.Select(Step).ToList(), barriers.Select(PlanBarrier).ToList());
    }

    public static MonthResponse Month(MonthlyStatus m) => new(m.Month.MonthText(), m.SupportPaid, Reasons.Names(m.Reasons), m.RecordedAt);

    public static StepResponse Step(PlanStep s) => new(s.Id, EnumText.Of(s.Kind), s.StartDate, s.EndDate, s.Note, s.Version);

    public static BarrierResponse PlanBarrier(PlanBarrier b) => new(b.Id, EnumText.Of(b.Kind), b.IdentifiedOn, b.ResolvedOn, b.Note, b.Version);
}

/// <summary>The reasons for a month's need, stored as bits of <see cref="NeedReason"/>.</summary>
internal static class Reasons
{
    public static int Bits(IEnumerable<NeedReason> reasons) => reasons.Aggregate(0, (bits, r) => bits | (1 << (int)r));

    public static IReadOnlyList<NeedReason> Of(int bits) => Enum.GetValues<NeedReason>().Where(r => (bits & (1 << (int)r)) != 0).ToList();

    public static IReadOnlyList<string> Names(int bits) => Of(bits).Select(r => EnumText.Of(r)).ToList();
}

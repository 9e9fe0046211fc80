using System.Runtime;

namespace Integration.Host.Jobs;

/// <summary>
/// What the whole process spent over a stretch of work: CPU on every thread, the runtime's compiler and the garbage
/// collector. For the debug log of long jobs: on two cores a job's time follows the CPU the whole process spends, and
/// the compiler and collector run on threads of their own.
/// </summary>
internal readonly record struct ProcessWork(TimeSpan Cpu, long CompiledMethods, TimeSpan Compiling, TimeSpan GcPauses, long Allocated, int Collections)
{
    public static ProcessWork Now() => new(
        Environment.CpuUsage.TotalTime,
        JitInfo.GetCompiledMethodCount(),
        JitInfo.GetCompilationTime(),
        GC.GetTotalPauseDuration(),
        GC.GetTotalAllocatedBytes(),
        GC.CollectionCount(0));

    public static ProcessWork Since(ProcessWork start)
    {
        var now = Now();
        return new(now.Cpu - start.Cpu, now.CompiledMethods - start.CompiledMethods, now.Compiling - start.Compiling, now.GcPauses - start.GcPauses, now.Allocated - start.Allocated, now.Collections - start.Collections);
    }

    public void Log(ILogger logger, string what) => logger.LogDebug(
        "{What}: process CPU {Cpu} ms, {Methods} methods compiled in {Compiling} ms, {Allocated} MB allocated, {Collections} collections pausing {Paused} ms",
        what, (long)Cpu.TotalMilliseconds, CompiledMethods, (long)Compiling.TotalMilliseconds, Allocated / (1024 * 1024), Collections, (long)GcPauses.TotalMilliseconds);
}

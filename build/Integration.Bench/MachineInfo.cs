using System.Runtime.InteropServices;

namespace Integration.Bench;

/// <summary>What the figures were measured on.</summary>
internal static class MachineInfo
{
    public static string Describe()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return $"{Environment.ProcessorCount} cores{(cpu is null ? string.Empty : $" ({cpu})")}, {memory:F0} GiB, {RuntimeInformation.OSDescription.Trim()}, .NET {Environment.Version}";
    }
}

using System.Globalization;

namespace Baton.Cli.Bench;

/// <summary>The process's resident memory, from /proc where the kernel keeps its peak (VmHWM).</summary>
internal static class ProcessMemory
{
    public static long PeakBytes() => ReadStatus("VmHWM:") ?? Environment.WorkingSet;

    public static long CurrentBytes() => ReadStatus("VmRSS:") ?? Environment.WorkingSet;

    /// <summary>The managed heap after a full collection: what the process really holds on to.</summary>
    public static long ManagedBytesAfterCollection()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static long? ReadStatus(string key)
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith(key, StringComparison.Ordinal))
                {
                    var kb = line[key.Length..].Trim().Split(' ')[0];
                    return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }

        return null;
    }
}

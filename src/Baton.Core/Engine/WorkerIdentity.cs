using System.Diagnostics;
using System.Globalization;

namespace Baton.Engine;

/// <summary>
/// Names a worker as <c>host/pid/start/n</c>. On one machine, a lease whose process is gone (or whose pid was reused
/// by a later process) can be taken over at once instead of waiting for it to expire.
/// </summary>
internal static class WorkerIdentity
{
    private static readonly long ProcessStart = GetStartSeconds(Process.GetCurrentProcess());
    private static int _instances;

    public static string NewOwner()
        => string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}/{Environment.ProcessId}/{ProcessStart}/{Interlocked.Increment(ref _instances)}");

    /// <summary>True when the owner names a process on this machine that no longer runs.</summary>
    public static bool IsDeadLocalOwner(string owner)
    {
        var parts = owner.Split('/');
        if (parts.Length != 4
            || !string.Equals(parts[0], Environment.MachineName, StringComparison.Ordinal)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var start))
        {
            return false;
        }

        if (pid == Environment.ProcessId)
        {
            return start != ProcessStart;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited || GetStartSeconds(process) != start;
        }
        catch (ArgumentException)
        {
            return true;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    private static long GetStartSeconds(Process process)
    {
        try
        {
            return new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeSeconds();
        }
        catch (InvalidOperationException)
        {
            return 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return 0;
        }
    }
}

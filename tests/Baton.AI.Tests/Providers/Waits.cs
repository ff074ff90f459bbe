using Baton.Testing;

namespace Baton.AI.Tests.Providers;

/// <summary>Guards against hangs: a wait that does not finish fails the test with the phase that hung.</summary>
internal static class Waits
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    public static async Task Within(this Task task, string phase)
    {
        try
        {
            await task.WaitAsync(Limit);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Hung while {phase} (no result after {Limit.TotalSeconds} s).");
        }
    }

    public static async Task<T> Within<T>(this Task<T> task, string phase)
    {
        await ((Task)task).Within(phase);
        return await task;
    }

    /// <summary>Moves the clock on by <paramref name="step"/> whenever a timer is armed, until <paramref name="call"/> has finished (well or not).</summary>
    /// <remarks>One step may fire more than one timer: a retry can arm its next delay while the clock is still moving.</remarks>
    public static async Task DriveUntilDone(this ManualTimeProvider clock, Task call, TimeSpan step, string phase)
    {
        while (!call.IsCompleted)
        {
            await Until(() => clock.PendingTimers > 0 || call.IsCompleted, phase);
            if (!call.IsCompleted)
            {
                clock.Advance(step);
            }
        }
    }

    /// <summary>Waits for a condition that only polling can observe, such as a timer being armed.</summary>
    public static async Task Until(Func<bool> condition, string phase)
    {
        using var deadline = new CancellationTokenSource(Limit);
        while (!condition())
        {
            if (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"Hung while {phase} (no result after {Limit.TotalSeconds} s).");
            }

            await Task.Delay(10);
        }
    }
}

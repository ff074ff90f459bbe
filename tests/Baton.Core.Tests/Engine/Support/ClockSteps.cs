using Baton.Engine;
using Baton.Storage;

namespace Baton.Core.Tests.Engine.Support;

/// <summary>
/// Moves a harness's manual clock only while the run's driver waits on it, so that a timer fires at the very time the
/// test names and the times the engine records can be asserted exactly.
/// </summary>
/// <remarks>
/// The driver waits on one timer of the clock (its next backoff, wait or heartbeat); while it works it has none armed.
/// Moving the clock while it works could arm its next timer late, so each move waits for that timer first. Tests that
/// use this keep the clock free of other timers: no attempt <c>timeout</c>s.
/// </remarks>
internal static class ClockSteps
{
    /// <summary>Heartbeats far apart, so that the only timers on the clock are the ones the test is about.</summary>
    public static BatonEngineOptions QuietOptions() => new() { HeartbeatInterval = TimeSpan.FromHours(1), LeaseDuration = TimeSpan.FromHours(3) };

    /// <summary>Waits until the driver waits on the clock, or <paramref name="run"/> has ended.</summary>
    public static async Task SettledAsync(this EngineHarness h, Task run, string phase)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (h.Time!.PendingTimers == 0 && !run.IsCompleted)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The driver did not come to wait on the clock within 30 s ({phase}).");
            }

            await Task.Delay(5);
        }
    }

    /// <summary>Once the driver waits, sets the clock to <paramref name="at"/>, then waits until the driver waits again.</summary>
    public static async Task AdvanceToAsync(this EngineHarness h, DateTimeOffset at, Task run, string phase)
    {
        await h.SettledAsync(run, $"before moving the clock to {at:HH:mm:ss.fff}, {phase}");
        h.Time!.SetUtcNow(at);
        await h.SettledAsync(run, $"after moving the clock to {at:HH:mm:ss.fff}, {phase}");
    }

    /// <summary>The <c>step.started</c> event of one attempt of the step at <paramref name="path"/>, or null.</summary>
    public static TimelineEvent? AttemptStarted(this EngineHarness h, string path, int attempt)
        => h.Events.SingleOrDefault(e => e.Type == TimelineEventTypes.StepStarted && e.Path == path && e.Attempt == attempt);
}

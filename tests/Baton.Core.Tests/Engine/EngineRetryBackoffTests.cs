using Baton.Core.Tests.Engine.Support;
using Baton.Storage;

namespace Baton.Core.Tests.Engine;

/// <summary>
/// The delays the engine computes between attempts, seen where they matter: when the next attempt starts. The clock is
/// manual and moves only while the driver waits on it, so each start is asserted to the tick, and a millisecond early.
/// </summary>
public sealed class EngineRetryBackoffTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(1);

    [Fact]
    public async Task RunAsync_FixedBackoff_EveryRetryStartsTheSameDelayAfterTheFailure()
    {
        await using var h = await EngineHarness.CreateAsync(new Baton.Testing.ManualTimeProvider(), ClockSteps.QuietOptions());
        var t0 = h.Time!.GetUtcNow();
        var run = h.RunAsync("""
            name: fixed
            steps:
              - id: flaky
                probe: { failTimes: 2, output: ok }
                retry: { attempts: 3, backoff: fixed, delay: 3s }
            """);

        await AssertAttemptStartsAtAsync(h, run, 2, t0 + TimeSpan.FromSeconds(3));
        await AssertAttemptStartsAtAsync(h, run, 3, t0 + TimeSpan.FromSeconds(6));

        (await run).Status.Should().Be(RunStatus.Completed);
    }

    [Fact]
    public async Task RunAsync_ExponentialBackoff_EachDelayDoublesThePreviousOne()
    {
        await using var h = await EngineHarness.CreateAsync(new Baton.Testing.ManualTimeProvider(), ClockSteps.QuietOptions());
        var t0 = h.Time!.GetUtcNow();
        var run = h.RunAsync("""
            name: exponential
            steps:
              - id: flaky
                probe: { failTimes: 3, output: ok }
                retry: { attempts: 4, backoff: exponential, delay: 1s }
            """);

        await AssertAttemptStartsAtAsync(h, run, 2, t0 + TimeSpan.FromSeconds(1));
        await AssertAttemptStartsAtAsync(h, run, 3, t0 + TimeSpan.FromSeconds(1 + 2));
        await AssertAttemptStartsAtAsync(h, run, 4, t0 + TimeSpan.FromSeconds(1 + 2 + 4));

        (await run).Status.Should().Be(RunStatus.Completed);
    }

    [Fact]
    public async Task RunAsync_MaxDelay_CapsTheDelayOnceDoublingWouldPassIt()
    {
        await using var h = await EngineHarness.CreateAsync(new Baton.Testing.ManualTimeProvider(), ClockSteps.QuietOptions());
        var t0 = h.Time!.GetUtcNow();
        var run = h.RunAsync("""
            name: capped
            steps:
              - id: flaky
                probe: { failTimes: 4, output: ok }
                retry: { attempts: 5, backoff: exponential, delay: 2s, max-delay: 5s }
            """);

        await AssertAttemptStartsAtAsync(h, run, 2, t0 + TimeSpan.FromSeconds(2));
        await AssertAttemptStartsAtAsync(h, run, 3, t0 + TimeSpan.FromSeconds(2 + 4));
        await AssertAttemptStartsAtAsync(h, run, 4, t0 + TimeSpan.FromSeconds(2 + 4 + 5));
        await AssertAttemptStartsAtAsync(h, run, 5, t0 + TimeSpan.FromSeconds(2 + 4 + 5 + 5));

        (await run).Status.Should().Be(RunStatus.Completed);
    }

    [Fact]
    public async Task RunAsync_Jitter_StartsEachRetryNoLaterThanTheDelayAndNoEarlierThanItsFractionAllows()
    {
        await using var h = await EngineHarness.CreateAsync(new Baton.Testing.ManualTimeProvider(), ClockSteps.QuietOptions());
        var run = h.RunAsync("""
            name: jittered
            steps:
              - id: flaky
                probe: { failTimes: 3, output: ok }
                retry: { attempts: 4, backoff: fixed, delay: 4s, jitter: 0.5 }
            """);

        for (var attempt = 2; attempt <= 4; attempt++)
        {
            await h.SettledAsync(run, $"after attempt {attempt - 1} failed");
            var scheduled = h.Events.Single(e => e.Type == TimelineEventTypes.StepRetryScheduled && e.Attempt == attempt - 1);
            var failedAt = scheduled.At;
            var delay = TimeSpan.FromMilliseconds(scheduled.Data!["delayMs"]!.GetValue<double>());

            // Half of each 4 s delay is randomized: the retry comes between 2 s and 4 s after the failure.
            await h.AdvanceToAsync(failedAt + TimeSpan.FromSeconds(2) - Tick, run, $"before the earliest start of attempt {attempt}");
            h.AttemptStarted("flaky", attempt).Should().BeNull($"jitter 0.5 shortens the 4 s delay before attempt {attempt} by at most 2 s");
            await h.AdvanceToAsync(failedAt + TimeSpan.FromSeconds(4), run, $"at the latest start of attempt {attempt}");
            var started = h.AttemptStarted("flaky", attempt);
            started.Should().NotBeNull($"jitter never lengthens the 4 s delay before attempt {attempt}");
            delay.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(2)).And.BeLessThanOrEqualTo(TimeSpan.FromSeconds(4));
            started!.At.Should().BeOnOrAfter(failedAt + delay - Tick, "the attempt does not start before its jittered delay (to the millisecond the event gives) has passed");
        }

        (await run).Status.Should().Be(RunStatus.Completed);
    }

    /// <summary>Asserts that attempt <paramref name="attempt"/> has not started a millisecond before <paramref name="due"/>, and starts at it.</summary>
    private static async Task AssertAttemptStartsAtAsync(EngineHarness h, Task run, int attempt, DateTimeOffset due)
    {
        await h.AdvanceToAsync(due - Tick, run, $"a millisecond before attempt {attempt} is due");
        h.AttemptStarted("flaky", attempt).Should().BeNull($"attempt {attempt} is due at {due:HH:mm:ss.fff}, not before");
        await h.AdvanceToAsync(due, run, $"when attempt {attempt} is due");
        var started = h.AttemptStarted("flaky", attempt);
        started.Should().NotBeNull($"attempt {attempt} is due at {due:HH:mm:ss.fff}");
        started!.At.Should().Be(due);
    }
}

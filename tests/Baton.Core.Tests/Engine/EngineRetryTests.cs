using Baton.Core.Tests.Engine.Support;
using Baton.Storage;

namespace Baton.Core.Tests.Engine;

/// <summary>Retries and timeouts, on a manual clock: backoff delays are checked exactly and nothing sleeps.</summary>
public sealed class EngineRetryTests
{
    [Fact]
    public async Task RunAsync_FailingAttempts_AreRetriedWithExponentialBackoff()
    {
        await using var h = await EngineHarness.CreateAsync(manualTime: true);
        var run = h.RunAsync("""
            name: retry
            steps:
              - id: flaky
                probe: { failTimes: 2, output: ok }
                retry: { attempts: 3, backoff: exponential, delay: 2s }
            outputs: ${{ steps.flaky.output }}
            """);

        await h.WhenEventAsync(TimelineEventTypes.StepRetryScheduled);
        var first = h.Events.Last(e => e.Type == TimelineEventTypes.StepRetryScheduled);
        first.Data!["delayMs"]!.GetValue<double>().Should().Be(2000);
        await AdvanceUntilAsync(h, () => h.Probe.CountOf("flaky") == 2, TimeSpan.FromSeconds(2));

        await WaitUntilAsync(() => h.Events.Count(e => e.Type == TimelineEventTypes.StepRetryScheduled) == 2);
        h.Events.Last(e => e.Type == TimelineEventTypes.StepRetryScheduled).Data!["delayMs"]!.GetValue<double>().Should().Be(4000);
        await AdvanceUntilAsync(h, () => h.Probe.CountOf("flaky") == 3, TimeSpan.FromSeconds(4));

        var result = await run;
        result.Status.Should().Be(RunStatus.Completed);
        result.Output!.GetValue<string>().Should().Be("ok");
        var step = await h.StepAsync(result.RunId, "flaky");
        step.Attempts.Should().Be(3);
        h.Probe.Calls.Select(c => c.Attempt).Should().Equal(1, 2, 3);
        h.Probe.Calls.Select(c => c.IdempotencyKey).Distinct().Should().ContainSingle("the key is stable across attempts");
    }

    [Fact]
    public async Task RunAsync_RetriesExhausted_FailsWithTheLastError()
    {
        await using var h = await EngineHarness.CreateAsync(manualTime: true);
        var run = h.RunAsync("""
            name: exhausted
            steps:
              - id: flaky
                probe: { failAlways: true, code: upstream.down }
                retry: { attempts: 2, backoff: fixed, delay: 1s }
            """);

        await h.WhenEventAsync(TimelineEventTypes.StepRetryScheduled);
        await AdvanceUntilAsync(h, () => h.Probe.CountOf("flaky") == 2, TimeSpan.FromSeconds(1));
        var result = await run;

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Code.Should().Be("upstream.down");
        (await h.StepAsync(result.RunId, "flaky")).Attempts.Should().Be(2);
    }

    [Fact]
    public async Task RunAsync_NonRetryableError_IsNotRetried()
    {
        await using var h = await EngineHarness.CreateAsync(manualTime: true);
        var result = await h.RunAsync("""
            name: permanent
            steps:
              - id: bad
                probe: { failAlways: true, retryable: false }
                retry: { attempts: 5, delay: 1s }
            """);

        result.Status.Should().Be(RunStatus.Failed);
        h.Probe.CountOf("bad").Should().Be(1);
    }

    [Fact]
    public async Task RunAsync_RetryOnList_RetriesOnlyTheListedCodes()
    {
        await using var h = await EngineHarness.CreateAsync(manualTime: true);
        var result = await h.RunAsync("""
            name: filtered
            steps:
              - id: bad
                probe: { failAlways: true, code: http.status.404 }
                retry: { attempts: 5, delay: 1s, on: [timeout, http.status.5*] }
            """);

        result.Status.Should().Be(RunStatus.Failed);
        h.Probe.CountOf("bad").Should().Be(1);
    }

    [Fact]
    public async Task RunAsync_AttemptPastItsTimeout_FailsWithTimeoutAndIsRetried()
    {
        await using var h = await EngineHarness.CreateAsync(manualTime: true);
        var run = h.RunAsync("""
            name: slow
            steps:
              - id: slow
                probe: { name: slow, block: true }
                timeout: 5s
                retry: { attempts: 2, delay: 1s }
            """);

        await h.Probe.StartedAsync("slow");
        await AdvanceUntilAsync(h, () => h.Events.Any(e => e.Type == TimelineEventTypes.StepRetryScheduled), TimeSpan.FromSeconds(5));
        h.Events.Single(e => e.Type == TimelineEventTypes.StepRetryScheduled).Data!["code"]!.GetValue<string>().Should().Be("timeout");
        await AdvanceUntilAsync(h, () => h.Probe.CountOf("slow") == 2, TimeSpan.FromSeconds(1));
        await AdvanceUntilAsync(h, () => run.IsCompleted, TimeSpan.FromSeconds(5));

        var result = await run;
        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Code.Should().Be("timeout");
        result.Error.Message.Should().Contain("timeout of 5s");
    }

    [Fact]
    public async Task RunAsync_BackoffLongerThanTheHoldThreshold_ReleasesTheRunUntilAWorkerResumesIt()
    {
        await using var h = await EngineHarness.CreateAsync(manualTime: true);
        var result = await h.RunAsync("""
            name: longbackoff
            steps:
              - id: flaky
                probe: { failTimes: 1, output: later }
                retry: { attempts: 2, backoff: fixed, delay: 10m }
            outputs: ${{ steps.flaky.output }}
            """);

        result.Status.Should().Be(RunStatus.Running);
        var stored = await h.Store.GetRunAsync(result.RunId, CancellationToken.None);
        stored!.ReadyAt.Should().Be(h.Time!.GetUtcNow() + TimeSpan.FromMinutes(10));
        stored.LeaseOwner.Should().BeNull();

        h.Time.Advance(TimeSpan.FromMinutes(10));
        await h.Engine.RunWorkerAsync(untilIdle: true).WaitAsync(TimeSpan.FromSeconds(30));

        var final = await h.Engine.WaitForCompletionAsync(result.RunId).WaitAsync(TimeSpan.FromSeconds(30));
        final.Status.Should().Be(RunStatus.Completed);
        final.Output!.GetValue<string>().Should().Be("later");
    }

    /// <summary>
    /// Moves the manual clock in small steps until the condition holds, as time passes for real: a timer armed just after
    /// a step of the clock must still come due. It never moves the clock further than <paramref name="total"/> plus one
    /// second, so a wait longer than expected still fails the test.
    /// </summary>
    private static async Task AdvanceUntilAsync(EngineHarness h, Func<bool> condition, TimeSpan total)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var advanced = TimeSpan.Zero;
        var limit = total + TimeSpan.FromSeconds(1);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The condition did not hold after advancing the clock by {advanced}.");
            }

            if (advanced < limit)
            {
                var step = TimeSpan.FromMilliseconds(Math.Min(100, (limit - advanced).TotalMilliseconds));
                h.Time!.Advance(step);
                advanced += step;
            }

            await Task.Yield();
            await Task.Delay(5);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The condition did not hold within 30 s.");
            }

            await Task.Delay(5);
        }
    }
}

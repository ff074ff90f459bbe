using Baton.Core.Tests.Engine.Support;
using Baton.Engine;
using Baton.Storage;
using Baton.Testing;

namespace Baton.Core.Tests.Engine;

/// <summary>
/// Every step end event carries <c>durationMs</c>, so that a reader that did not see the step start (another process)
/// still knows how long it took. The clock is manual: durations are exact.
/// </summary>
public sealed class EngineStepDurationTests
{
    [Fact]
    public async Task Complete_StepThatRanOneAndAHalfSeconds_EventCarriesWholeMillisecondsAsStored()
    {
        await using var h = await EngineHarness.CreateAsync(new ManualTimeProvider(), ClockSteps.QuietOptions());
        var run = h.RunAsync("""
            name: timed
            steps:
              - id: slow
                probe: { name: slow, block: true }
            """);
        await h.Probe.StartedAsync("slow");

        h.Time!.Advance(TimeSpan.FromMilliseconds(1500.6));
        h.Probe.Release("slow");
        var result = await run;

        var completed = (await h.DetailsAsync(result.RunId)).Timeline.Single(e => e.Type == TimelineEventTypes.StepCompleted && e.Path == "slow");
        completed.Data!["durationMs"]!.ToJsonString().Should().Be("1500", "the duration is a whole number of milliseconds");
        var step = await h.StepAsync(result.RunId, "slow");
        (step.EndedAt!.Value - step.StartedAt!.Value).TotalMilliseconds.Should().Be(1500, "the event agrees with the step's stored times");
    }

    [Fact]
    public async Task FailStep_AfterARetry_EventCarriesTheTimeFromTheFirstAttemptToTheFailure()
    {
        await using var h = await EngineHarness.CreateAsync(new ManualTimeProvider(), ClockSteps.QuietOptions());
        var t0 = h.Time!.GetUtcNow();
        var run = h.RunAsync("""
            name: failing
            steps:
              - id: flaky
                probe: { failAlways: true, code: upstream.down }
                retry: { attempts: 2, backoff: fixed, delay: 2s }
            """);

        await h.AdvanceToAsync(t0 + TimeSpan.FromSeconds(2), run, "when the retry is due");
        var result = await run;

        var failed = (await h.DetailsAsync(result.RunId)).Timeline.Single(e => e.Type == TimelineEventTypes.StepFailed);
        failed.Data!["durationMs"]!.GetValue<long>().Should().Be(2000);
        failed.Data!["code"]!.GetValue<string>().Should().Be("upstream.down");
    }

    [Fact]
    public async Task Reject_ApprovalDecidedInALaterDrive_FailedEventCarriesTheTimeItWaited()
    {
        await using var h = await EngineHarness.CreateAsync(manualTime: true);
        var result = await h.RunAsync("""
            name: gate
            steps:
              - id: gate
                approval: { title: Go? }
            """);
        result.Status.Should().Be(RunStatus.Waiting);

        h.Time!.Advance(TimeSpan.FromSeconds(90));
        await h.Engine.DecideAsync(result.RunId, "gate", new ApprovalDecision(false, "ana"));

        var failed = (await h.DetailsAsync(result.RunId)).Timeline.Single(e => e.Type == TimelineEventTypes.StepFailed);
        failed.Data!["durationMs"]!.GetValue<long>().Should().Be(90_000);
        failed.Data!["code"]!.GetValue<string>().Should().Be("approval.rejected");
    }

    [Fact]
    public async Task CancelExecution_BranchCancelledWhenItsSiblingFails_EventCarriesHowLongItRan()
    {
        await using var h = await EngineHarness.CreateAsync(new ManualTimeProvider(), ClockSteps.QuietOptions());
        var t0 = h.Time!.GetUtcNow();
        var run = h.RunAsync("""
            name: cancelled
            steps:
              - id: both
                parallel:
                  - id: slow
                    probe: { name: slow, block: true }
                  - id: doomed
                    steps:
                      - id: nap
                        wait: 3s
                      - id: boom
                        fail: stop
            """);
        await h.Probe.StartedAsync("slow");

        await h.AdvanceToAsync(t0 + TimeSpan.FromSeconds(3), run, "when the sibling's wait ends");
        var result = await run;

        result.Status.Should().Be(RunStatus.Failed);
        var cancelled = (await h.DetailsAsync(result.RunId)).Timeline.Single(e => e.Type == TimelineEventTypes.StepCancelled && e.Path == "both/slow");
        cancelled.Data!["durationMs"]!.GetValue<long>().Should().Be(3000);
    }

    [Fact]
    public async Task CompensationEnds_EventsCarryTheCompensationsOwnDurationNotTheSteps()
    {
        await using var h = await EngineHarness.CreateAsync(new ManualTimeProvider(), ClockSteps.QuietOptions());
        var result = await h.RunAsync("""
            name: undo
            steps:
              - id: book
                probe: {}
                compensate:
                  - id: unbook
                    probe: { name: unbook, block: true }
              - id: hold
                probe: {}
                compensate:
                  - id: unhold
                    probe: { name: unhold, failAlways: true, retryable: false }
              - id: nap
                wait: 5s
              - id: boom
                fail: stop
            """);
        result.Status.Should().Be(RunStatus.Waiting);

        h.Time!.Advance(TimeSpan.FromSeconds(5));
        var drive = h.Engine.DriveAsync(result.RunId);
        await h.Probe.StartedAsync("unbook");
        h.Time.Advance(TimeSpan.FromSeconds(2));
        h.Probe.Release("unbook");
        (await drive).Status.Should().Be(RunStatus.Failed);

        var timeline = (await h.DetailsAsync(result.RunId)).Timeline;
        var unbooked = timeline.Single(e => e.Type == TimelineEventTypes.StepCompensated && e.Path == "book");
        unbooked.Data!["durationMs"]!.GetValue<long>().Should().Be(2000, "it is the compensation's time, not the 7 s since the step started");
        var unheld = timeline.Single(e => e.Type == TimelineEventTypes.StepCompensated && e.Path == "hold");
        unheld.Data!["durationMs"]!.GetValue<long>().Should().Be(0);
        unheld.Data!["failed"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task Skip_StepThatNeverStarted_EventCarriesNoDuration()
    {
        await using var h = await EngineHarness.CreateAsync(manualTime: true);
        var result = await h.RunAsync("""
            name: skipped
            steps:
              - id: maybe
                if: false
                probe: {}
            """);

        var skipped = (await h.DetailsAsync(result.RunId)).Timeline.Single(e => e.Type == TimelineEventTypes.StepSkipped);
        skipped.Data?["durationMs"].Should().BeNull("a skipped step never started");
    }
}

using System.Text.Json.Nodes;
using Baton.Core.Tests.Engine.Support;
using Baton.Storage;
using Baton.Testing;

namespace Baton.Core.Tests.Engine;

/// <summary>Durable timers and events. The clock is manual: a timer fires because the test moved time, never because it slept.</summary>
public sealed class EngineWaitTests
{
    [Fact]
    public async Task RunAsync_WaitForDuration_LeavesTheRunWaitingUntilAWorkerFiresTheTimer()
    {
        await using var h = await EngineHarness.CreateAsync(manualTime: true);
        var started = h.Time!.GetUtcNow();
        var result = await h.RunAsync("""
            name: settle
            steps:
              - id: settle
                wait: 90s
              - id: after
                probe: { output: "${{ steps.settle.output.timedOut }}" }
            outputs: ${{ steps.after.output }}
            """);

        result.Status.Should().Be(RunStatus.Waiting);
        var run = await h.Store.GetRunAsync(result.RunId, CancellationToken.None);
        run!.ReadyAt.Should().Be(started + TimeSpan.FromSeconds(90));
        run.LeaseOwner.Should().BeNull("a waiting run is held by no process");

        h.Time.Advance(TimeSpan.FromSeconds(89));
        await h.Engine.RunWorkerAsync(untilIdle: true);
        (await h.Store.GetRunAsync(result.RunId, CancellationToken.None))!.Status.Should().Be(RunStatus.Waiting);

        h.Time.Advance(TimeSpan.FromSeconds(1));
        await h.Engine.RunWorkerAsync(untilIdle: true);
        var final = await h.Engine.DriveAsync(result.RunId);
        final.Status.Should().Be(RunStatus.Completed);
        final.Output!.GetValue<bool>().Should().BeFalse();
    }

    [Fact]
    public async Task Timer_SurvivesARestart_ANewEngineOnTheSameStoreFiresIt()
    {
        var time = new ManualTimeProvider();
        var directory = Path.Combine(Path.GetTempPath(), "baton-engine-tests", Guid.NewGuid().ToString("n"));
        RunId runId;
        await using (var first = await EngineHarness.CreateAsync(time, directory: directory))
        {
            var result = await first.RunAsync("""
                name: restart
                steps:
                  - id: nap
                    wait: { until: "2026-01-01T10:00:00Z" }
                  - id: done
                    set: { ok: true }
                """);
            result.Status.Should().Be(RunStatus.Waiting);
            runId = result.RunId;
        }

        time.SetUtcNow(new DateTimeOffset(2026, 1, 1, 10, 0, 0, TimeSpan.Zero));
        await using var second = await EngineHarness.CreateAsync(time, directory: directory);
        await second.Engine.RunWorkerAsync(untilIdle: true);
        var final = await second.Store.GetRunAsync(runId, CancellationToken.None);
        final!.Status.Should().Be(RunStatus.Completed);
    }

    [Fact]
    public async Task SignalAsync_EventDuringTheWait_CompletesItWithTheEventAndData()
    {
        await using var h = await EngineHarness.CreateAsync(manualTime: true);
        var result = await h.RunAsync("""
            name: ack
            steps:
              - id: ack
                wait: { events: [acknowledged, escalated], timeout: 1h }
            outputs: ${{ steps.ack.output }}
            """);
        result.Status.Should().Be(RunStatus.Waiting);

        var final = await h.Engine.SignalAsync(result.RunId, "escalated", new JsonObject { ["by"] = "noc" }, "user:lee");

        final.Status.Should().Be(RunStatus.Completed);
        final.Output!["event"]!.GetValue<string>().Should().Be("escalated");
        final.Output!["data"]!["by"]!.GetValue<string>().Should().Be("noc");
        final.Output!["timedOut"]!.GetValue<bool>().Should().BeFalse();
        var signal = (await h.DetailsAsync(result.RunId)).Timeline.Single(e => e.Type == TimelineEventTypes.SignalReceived);
        signal.Actor.Should().Be("user:lee");
    }

    [Fact]
    public async Task SignalAsync_EventBeforeTheWaitBegins_IsKeptAndConsumedWhenTheWaitStarts()
    {
        await using var h = await EngineHarness.CreateAsync(manualTime: true);
        var result = await h.RunAsync("""
            name: early
            steps:
              - id: approve-first
                approval: { title: Go? }
              - id: ack
                wait: { event: shipped }
            outputs: ${{ steps.ack.output.data }}
            """);

        // The event arrives while the run is still at the approval: nothing listens yet.
        var mid = await h.Engine.SignalAsync(result.RunId, "shipped", new JsonObject { ["tracking"] = "Z1" });
        mid.Status.Should().Be(RunStatus.Waiting);
        (await h.Store.GetSignalsAsync(result.RunId, CancellationToken.None)).Single().ConsumedBySeq.Should().BeNull();

        var final = await h.Engine.DecideAsync(result.RunId, "approve-first", new Baton.Engine.ApprovalDecision(true, "ana"));

        final.Status.Should().Be(RunStatus.Completed);
        final.Output!["tracking"]!.GetValue<string>().Should().Be("Z1");
    }

    [Fact]
    public async Task SignalAsync_EventBeforeTheWaitBegins_IsListedPendingThenStampedWithItsSenderAndSendTime()
    {
        await using var h = await EngineHarness.CreateAsync(manualTime: true);
        var result = await h.RunAsync("""
            name: early-stamped
            steps:
              - id: approve-first
                approval: { title: Go? }
              - id: ack
                wait: { event: shipped }
            """);
        var sentAt = h.Time!.GetUtcNow();

        await h.Engine.SignalAsync(result.RunId, "shipped", by: "lee");
        var pending = (await h.DetailsAsync(result.RunId)).PendingSignals.Should().ContainSingle().Which;
        pending.Name.Should().Be("shipped");
        pending.Actor.Should().Be("user:lee");
        pending.CreatedAt.Should().Be(sentAt);

        h.Time.Advance(TimeSpan.FromMinutes(5));
        await h.Engine.DecideAsync(result.RunId, "approve-first", new Baton.Engine.ApprovalDecision(true, "ana"));

        var details = await h.DetailsAsync(result.RunId);
        details.PendingSignals.Should().BeEmpty();
        var received = details.Timeline.Single(e => e.Type == TimelineEventTypes.SignalReceived);
        received.At.Should().Be(sentAt + TimeSpan.FromMinutes(5), "the event is consumed when the wait begins");
        received.Data!["sentBy"]!.GetValue<string>().Should().Be("user:lee");
        received.Data!["sentAt"]!.GetValue<string>().Should().Be(sentAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));
        received.Data!["event"]!.GetValue<string>().Should().Be("shipped");
    }

    [Fact]
    public async Task EventWait_TimeoutPassesFirst_CompletesWithTimedOut()
    {
        await using var h = await EngineHarness.CreateAsync(manualTime: true);
        var result = await h.RunAsync("""
            name: nobody
            steps:
              - id: ack
                wait: { event: acknowledged, timeout: 30m }
            outputs: ${{ steps.ack.output }}
            """);

        h.Time!.Advance(TimeSpan.FromMinutes(30));
        await h.Engine.RunWorkerAsync(untilIdle: true);
        var final = await h.Engine.DriveAsync(result.RunId);

        final.Status.Should().Be(RunStatus.Completed);
        final.Output!["timedOut"]!.GetValue<bool>().Should().BeTrue();
        final.Output!["event"].Should().BeNull();
    }

    [Fact]
    public async Task SignalAsync_ToAnEndedRun_IsRefused()
    {
        await using var h = await EngineHarness.CreateAsync();
        var result = await h.RunAsync("""
            name: done
            steps:
              - id: a
                set: { x: 1 }
            """);

        var act = () => h.Engine.SignalAsync(result.RunId, "late");
        await act.Should().ThrowAsync<InvalidRunOperationException>();
    }

    [Fact]
    public async Task WaitUntil_InvalidTimeAtRunTime_FailsWithConfigError()
    {
        await using var h = await EngineHarness.CreateAsync(manualTime: true);
        var result = await h.RunAsync("""
            name: badtime
            steps:
              - id: nap
                wait: { until: "${{ 'next tuesday' }}" }
            """);

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Code.Should().Be("config.invalid");
        result.Error.Message.Should().Contain("'next tuesday'");
    }

    [Fact]
    public async Task WaitTimer_WhileAnotherBranchIsInFlight_FiresWhenDueNotAtTheNextHeartbeat()
    {
        await using var h = await EngineHarness.CreateAsync(manualTime: true, options: new Baton.Engine.BatonEngineOptions { HeartbeatInterval = TimeSpan.FromSeconds(10), LeaseDuration = TimeSpan.FromSeconds(30) });
        var run = h.RunAsync("""
            name: timer
            steps:
              - id: both
                parallel:
                  - id: slow
                    probe: { name: slow, block: true }
                  - id: timed
                    steps:
                      - id: nap
                        wait: 1s
                      - id: after
                        probe: { name: after }
            """);
        await h.Probe.StartedAsync("slow");
        await h.WhenEventAsync(TimelineEventTypes.StepWaiting, "both/timed/nap");
        var fired = h.Probe.StartedAsync("after");

        // One second passes, far from the ten-second heartbeat: only the wait's own timer can wake the driver.
        while (!fired.IsCompleted)
        {
            h.Time!.Advance(TimeSpan.FromMilliseconds(100));
            await Task.WhenAny(fired, Task.Delay(20));
            if (h.Time.GetUtcNow() - new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero) > TimeSpan.FromSeconds(5))
            {
                break;
            }
        }

        fired.IsCompleted.Should().BeTrue("the 1 s wait fires before 5 s of clock time have passed");
        h.Probe.Release("slow");
        (await run).Status.Should().Be(RunStatus.Completed);
    }
}

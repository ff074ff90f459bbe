using Baton.Core.Tests.Engine.Support;
using Baton.Storage;

namespace Baton.Core.Tests.Engine;

/// <summary><c>timeout</c> on container steps bounds the whole container: it fails with <c>timeout</c> and what runs inside is cancelled.</summary>
public sealed class EngineContainerTimeoutTests
{
    [Fact]
    public async Task ParallelTimeout_Passes_FailsWithTimeoutCancelsTheRunningBranchAndCompensatesTheCompletedOne()
    {
        await using var h = await EngineHarness.CreateAsync(manualTime: true);
        var run = h.RunAsync("""
            name: bounded
            steps:
              - id: gather
                timeout: 500ms
                parallel:
                  - id: quick
                    probe: { name: quick, output: reserved }
                    compensate:
                      - id: release
                        probe: { name: release }
                  - id: slow
                    probe: { name: slow, block: true }
            """);

        await h.Probe.StartedAsync("slow");
        await h.WhenEventAsync(TimelineEventTypes.StepCompleted, "gather/quick");
        h.Time!.Advance(TimeSpan.FromMilliseconds(500));
        var result = await run;

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Code.Should().Be("timeout");
        result.Error.Message.Should().Contain("within its timeout of 500ms");
        (await h.StepAsync(result.RunId, "gather")).Error!.Code.Should().Be("timeout");
        (await h.StepAsync(result.RunId, "gather/slow")).Status.Should().Be(StepStatus.Cancelled);
        (await h.StepAsync(result.RunId, "gather/quick")).Status.Should().Be(StepStatus.Compensated);
        h.Probe.CountOf("release").Should().Be(1);
    }

    [Fact]
    public async Task GroupTimeout_WithOnErrorContinue_CancelsTheWaitInsideAndTheFlowGoesOn()
    {
        await using var h = await EngineHarness.CreateAsync(manualTime: true);
        var waiting = await h.RunAsync("""
            name: bounded-group
            steps:
              - id: hold
                timeout: 30m
                on-error: continue
                steps:
                  - id: pause
                    wait: 1h
              - id: after
                set: { done: true }
            outputs: { status: "${{ steps.hold.status }}", code: "${{ steps.hold.error.code }}", done: "${{ vars.done }}" }
            """);
        waiting.Status.Should().Be(RunStatus.Waiting);
        (await h.Store.GetRunAsync(waiting.RunId, CancellationToken.None))!.ReadyAt.Should().Be(h.Time!.GetUtcNow() + TimeSpan.FromMinutes(30), "the run wakes at the deadline, not at the end of the wait");

        h.Time.Advance(TimeSpan.FromMinutes(30));
        await h.Engine.RunWorkerAsync(untilIdle: true);
        var result = await h.Engine.DriveAsync(waiting.RunId);

        result.Status.Should().Be(RunStatus.Completed);
        result.Output!["status"]!.GetValue<string>().Should().Be("failed");
        result.Output!["code"]!.GetValue<string>().Should().Be("timeout");
        result.Output!["done"]!.GetValue<bool>().Should().BeTrue();
        (await h.StepAsync(waiting.RunId, "hold/pause")).Status.Should().Be(StepStatus.Cancelled);
    }

    [Fact]
    public async Task ForEachTimeout_NotReached_CompletesNormally()
    {
        await using var h = await EngineHarness.CreateAsync(manualTime: true);
        var result = await h.RunAsync("""
            name: in-time
            steps:
              - id: each
                timeout: 1m
                foreach:
                  items: ${{ [1, 2] }}
                  steps:
                    - id: double
                      set: { x: "${{ item * 2 }}" }
            outputs: ${{ steps.each.output }}
            """);

        result.Status.Should().Be(RunStatus.Completed);
        var each = await h.StepAsync(result.RunId, "each");
        each.ReadyAt.Should().BeNull("a finished container keeps no deadline");
    }
}

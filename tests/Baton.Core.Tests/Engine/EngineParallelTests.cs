using Baton.Core.Tests.Engine.Support;
using Baton.Storage;

namespace Baton.Core.Tests.Engine;

public sealed class EngineParallelTests
{
    [Fact]
    public async Task RunAsync_ParallelAll_RunsBranchesAtOnceAndMapsOutputsByBranchId()
    {
        await using var h = await EngineHarness.CreateAsync();
        var run = h.RunAsync("""
            name: gather
            steps:
              - id: gather
                parallel:
                  - id: ads
                    probe: { name: ads, block: true, output: { spend: 10 } }
                  - id: crm
                    steps:
                      - id: crm-fetch
                        probe: { name: crm, block: true, output: { owner: dana } }
                      - id: crm-clean
                        set: { owner: "${{ steps.crm-fetch.output.owner }}" }
            outputs: ${{ steps.gather.output }}
            """);

        // Both branches are in flight before either is released: they run at once.
        await h.Probe.StartedAsync("ads");
        await h.Probe.StartedAsync("crm");
        h.Probe.Release("crm");
        h.Probe.Release("ads");
        var result = await run;

        result.Status.Should().Be(RunStatus.Completed);
        result.Output!["ads"]!["spend"]!.GetValue<int>().Should().Be(10);
        result.Output!["crm"]!["owner"]!.GetValue<string>().Should().Be("dana");
        h.Probe.MaxConcurrent.Should().Be(2);
    }

    [Fact]
    public async Task RunAsync_ParallelAllWithFailingBranch_CancelsTheOthersAndFails()
    {
        await using var h = await EngineHarness.CreateAsync();
        var result = await h.RunAsync("""
            name: failfast
            steps:
              - id: gather
                parallel:
                  - id: slow
                    probe: { name: slow, block: true }
                  - id: broken
                    probe: { failAlways: true, retryable: false, code: source.down }
            """);

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Code.Should().Be("source.down");
        (await h.StepAsync(result.RunId, "gather/slow")).Status.Should().Be(StepStatus.Cancelled);
        (await h.StepAsync(result.RunId, "gather")).Status.Should().Be(StepStatus.Failed);
    }

    [Fact]
    public async Task RunAsync_ParallelAny_FirstBranchWinsLosersAreCancelledAndCompensated()
    {
        await using var h = await EngineHarness.CreateAsync();
        var run = h.RunAsync("""
            name: hedge
            steps:
              - id: hedge
                parallel:
                  mode: any
                  branches:
                    - id: model-a
                      steps:
                        - id: reserve-a
                          probe: { name: reserve-a, output: reserved-a }
                          compensate:
                            - id: release-a
                              probe: { name: release-a, output: "released ${{ steps.reserve-a.output }}" }
                        - id: answer-a
                          probe: { name: answer-a, block: true, output: slow-answer }
                    - id: model-b
                      probe: { name: answer-b, block: true, output: fast-answer }
            outputs: ${{ steps.hedge.output }}
            """);

        await h.Probe.StartedAsync("answer-a");
        await h.Probe.StartedAsync("answer-b");
        h.Probe.Release("answer-b");
        var result = await run;

        result.Status.Should().Be(RunStatus.Completed);
        result.Output!.GetValue<string>().Should().Be("fast-answer");
        (await h.StepAsync(result.RunId, "hedge/model-a/answer-a")).Status.Should().Be(StepStatus.Cancelled);
        (await h.StepAsync(result.RunId, "hedge/model-a/reserve-a")).Status.Should().Be(StepStatus.Compensated);
        h.Probe.Calls.Single(c => c.Name == "release-a").Config["output"]!.GetValue<string>().Should().Be("released reserved-a");
        var timeline = (await h.DetailsAsync(result.RunId)).Timeline;
        timeline.Should().Contain(e => e.Type == TimelineEventTypes.BranchWon && e.Path == "hedge");
    }

    [Fact]
    public async Task RunAsync_ParallelAnyWhereEveryBranchFails_Fails()
    {
        await using var h = await EngineHarness.CreateAsync();
        var result = await h.RunAsync("""
            name: allfail
            steps:
              - id: hedge
                parallel:
                  mode: any
                  branches:
                    - id: a
                      probe: { failAlways: true, retryable: false }
                    - id: b
                      probe: { failAlways: true, retryable: false }
            """);

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Message.Should().Contain("Every branch failed");
    }

    [Fact]
    public async Task RunAsync_ParallelAnyWithABranchSkippedByItsCondition_TheRealBranchWins()
    {
        await using var h = await EngineHarness.CreateAsync();
        var run = h.RunAsync("""
            name: skipped-hedge
            steps:
              - id: hedge
                parallel:
                  mode: any
                  branches:
                    - id: off
                      if: false
                      probe: { output: never }
                    - id: real
                      probe: { name: real, block: true, output: answer }
            outputs: ${{ steps.hedge.output }}
            """);

        await h.Probe.StartedAsync("real");
        h.Probe.Release("real");
        var result = await run;

        result.Status.Should().Be(RunStatus.Completed);
        result.Output!.GetValue<string>().Should().Be("answer");
        (await h.StepAsync(result.RunId, "hedge/real")).Status.Should().Be(StepStatus.Completed);
        (await h.StepAsync(result.RunId, "hedge/off")).Status.Should().Be(StepStatus.Skipped);
    }

    [Fact]
    public async Task RunAsync_ParallelAnyWhereEveryBranchIsSkipped_CompletesWithNullOutput()
    {
        await using var h = await EngineHarness.CreateAsync();
        var result = await h.RunAsync("""
            name: all-skipped
            steps:
              - id: hedge
                parallel:
                  mode: any
                  branches:
                    - id: a
                      if: false
                      probe: {}
                    - id: b
                      if: false
                      probe: {}
            outputs: { out: "${{ steps.hedge.output }}", status: "${{ steps.hedge.status }}" }
            """);

        result.Status.Should().Be(RunStatus.Completed);
        result.Output!["out"].Should().BeNull();
        result.Output!["status"]!.GetValue<string>().Should().Be("completed");
        h.Probe.Calls.Should().BeEmpty();
    }

    [Fact]
    public async Task RunAsync_ParallelAnyWhereOneBranchFailsAndTheOtherIsSkipped_FailsWithTheFailure()
    {
        await using var h = await EngineHarness.CreateAsync();
        var result = await h.RunAsync("""
            name: fail-and-skip
            steps:
              - id: hedge
                parallel:
                  mode: any
                  branches:
                    - id: a
                      probe: { failAlways: true, retryable: false, code: source.down }
                    - id: b
                      if: false
                      probe: {}
            """);

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Code.Should().Be("source.down");
        result.Error.Message.Should().Contain("Every branch failed or was skipped");
    }

    [Fact]
    public async Task NestedAnyParallels_OuterWinsWhileInnerStillCompensates_EverythingLosingIsUndoneAndTheRunCompletes()
    {
        await using var h = await EngineHarness.CreateAsync();
        var run = h.RunAsync("""
            name: hedge
            steps:
              - id: outer
                parallel:
                  mode: any
                  branches:
                    - id: fast
                      probe: { name: fast, block: true, output: fast }
                    - id: inner
                      parallel:
                        mode: any
                        branches:
                          - id: i-win
                            probe: { name: i-win, block: true }
                            compensate:
                              - id: undo-i-win
                                probe: { name: undo-i-win }
                          - id: i-lose
                            steps:
                              - id: i-lose-done
                                probe: { name: i-lose-done }
                                compensate:
                                  - id: undo-i-lose
                                    probe: { name: undo-i-lose, block: true }
                              - id: i-lose-tail
                                probe: { name: i-lose-tail, block: true }
            outputs: ${{ steps.outer.output }}
            """);
        await h.Probe.StartedAsync("i-lose-tail");
        h.Probe.Release("i-win");
        await h.Probe.StartedAsync("undo-i-lose");
        h.Probe.Release("fast");
        await WaitForCallsAsync(h, "undo-i-lose", 2);
        h.Probe.Release("undo-i-lose");
        var result = await run;

        result.Status.Should().Be(RunStatus.Completed);
        result.Output!.GetValue<string>().Should().Be("fast");
        h.Probe.CountOf("undo-i-win").Should().Be(1);
        (await h.StepAsync(result.RunId, "outer/inner")).Status.Should().Be(StepStatus.Cancelled);
        (await h.StepAsync(result.RunId, "outer/inner/i-win")).Status.Should().Be(StepStatus.Compensated);
        (await h.StepAsync(result.RunId, "outer/inner/i-lose/i-lose-done")).Status.Should().Be(StepStatus.Compensated,
            "an undo cut short by cancellation is run again by the outer compensation");
    }

    private static async Task WaitForCallsAsync(EngineHarness h, string name, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (h.Probe.CountOf(name) < count)
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}

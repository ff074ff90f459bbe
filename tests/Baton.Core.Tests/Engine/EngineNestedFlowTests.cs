using Baton.Core.Tests.Engine.Support;
using Baton.Storage;

namespace Baton.Core.Tests.Engine;

/// <summary><c>on-error</c>, <c>max-iterations</c> and <c>if</c> on steps inside <c>parallel</c> branches and <c>foreach</c> bodies.</summary>
public sealed class EngineNestedFlowTests
{
    [Fact]
    public async Task OnErrorContinue_InAParallelBranch_TheBranchCompletesWithTheGivenOutput()
    {
        await using var h = await EngineHarness.CreateAsync();
        var result = await h.RunAsync("""
            name: hedge
            steps:
              - id: both
                parallel:
                  - id: primary
                    probe: { name: primary, failAlways: true, retryable: false }
                    on-error: { continue: { fallback: "${{ steps.primary.error.code }}" } }
                  - id: secondary
                    probe: { name: secondary, output: S }
              - id: after
                probe: { name: after }
            outputs: ${{ steps.both.output }}
            """);

        result.Status.Should().Be(RunStatus.Completed);
        result.Output!["primary"]!["fallback"]!.GetValue<string>().Should().Be("probe.failed");
        result.Output!["secondary"]!.GetValue<string>().Should().Be("S");
        (await h.StepAsync(result.RunId, "both/primary")).Status.Should().Be(StepStatus.Failed);
        (await h.StepAsync(result.RunId, "both/secondary")).Status.Should().Be(StepStatus.Completed, "a handled failure cancels no sibling");
        h.Probe.CountOf("after").Should().Be(1);
    }

    [Fact]
    public async Task OnErrorGoto_InAParallelBranch_JumpsWithinTheBranchAndTheBranchEndsWithTheFallback()
    {
        await using var h = await EngineHarness.CreateAsync();
        var result = await h.RunAsync("""
            name: hedge-goto
            steps:
              - id: both
                parallel:
                  - id: left
                    steps:
                      - id: primary
                        probe: { name: primary, failAlways: true, retryable: false }
                        on-error: { goto: fallback }
                      - id: passed-over
                        probe: { name: passed-over }
                      - id: fallback
                        probe: { name: fallback, output: F }
                  - id: right
                    probe: { name: right, output: R }
            outputs: ${{ steps.both.output }}
            """);

        result.Status.Should().Be(RunStatus.Completed);
        result.Output!["left"]!.GetValue<string>().Should().Be("F");
        result.Output!["right"]!.GetValue<string>().Should().Be("R");
        h.Probe.CountOf("passed-over").Should().Be(0);
        (await h.StepAsync(result.RunId, "both/left/fallback")).Status.Should().Be(StepStatus.Completed);
    }

    [Fact]
    public async Task OnErrorContinue_InAForEachBody_OnlyThatItemContinuesWithItsValue()
    {
        await using var h = await EngineHarness.CreateAsync();
        var result = await h.RunAsync("""
            name: batch-continue
            steps:
              - id: each
                foreach:
                  items: ${{ [1, 2, 3] }}
                  concurrency: 3
                  steps:
                    - id: work
                      probe: { name: "work-${{ item }}", failAlways: "${{ item == 2 }}", retryable: false, output: "w${{ item }}" }
                      on-error: { continue: "fallback-${{ index }}" }
                    - id: tail
                      set: { v: "${{ steps.work.output }}/${{ steps.work.status }}" }
            outputs: ${{ steps.each.output.*.v }}
            """);

        result.Status.Should().Be(RunStatus.Completed);
        result.Output!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal("w1/completed", "fallback-1/failed", "w3/completed");
    }

    [Fact]
    public async Task OnErrorGoto_InAForEachBody_JumpsWithinThatItemOnly()
    {
        await using var h = await EngineHarness.CreateAsync();
        var result = await h.RunAsync("""
            name: batch-goto
            steps:
              - id: each
                foreach:
                  items: ${{ ['a', 'b', 'c'] }}
                  concurrency: 3
                  steps:
                    - id: work
                      probe: { name: "work-${{ item }}", failAlways: "${{ item == 'b' }}", retryable: false, output: "${{ item }}" }
                      on-error: { goto: fallback }
                    - id: normal
                      probe: { name: "normal-${{ item }}", output: "normal ${{ item }}" }
                    - id: fallback
                      if: steps.work.status == 'failed'
                      probe: { name: "fallback-${{ item }}", output: "fallback ${{ item }}" }
                    - id: last
                      set: { v: "${{ steps.normal.output ?? steps.fallback.output }}" }
            outputs: ${{ steps.each.output.*.v }}
            """);

        result.Status.Should().Be(RunStatus.Completed);
        result.Output!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal("normal a", "fallback b", "normal c");
        h.Probe.Calls.Select(c => c.Name).Should().NotContain("normal-b").And.Contain("fallback-b").And.NotContain(["fallback-a", "fallback-c"]);
        var paths = (await h.Store.GetStepExecutionsAsync(result.RunId, CancellationToken.None)).Select(s => s.Path);
        paths.Should().Contain("each[1]/fallback").And.NotContain("each[1]/normal");
    }

    [Fact]
    public async Task MaxIterationsBreachedInAForEachBody_CountsPerItemAndFailsTheForEachNamingThePath()
    {
        await using var h = await EngineHarness.CreateAsync();
        var result = await h.RunAsync("""
            name: batch-loop
            steps:
              - id: each
                on-error: continue
                foreach:
                  items: ${{ [2, 2, 3, 1] }}
                  steps:
                    - id: reset
                      set: { n: 0 }
                    - id: tick
                      max-iterations: 2
                      on-error: { goto: never }
                      probe: { name: "tick-${{ index }}" }
                    - id: count
                      set: { n: "${{ vars.n + 1 }}" }
                    - id: again
                      switch:
                        cases:
                          - when: vars.n < item
                            goto: tick
                        default:
                          goto: done
                    - id: never
                      set: { reached: true }
                    - id: done
                      set: { n: 0 }
              - id: after
                set: { done: true }
            outputs:
              status: ${{ steps.each.status }}
              error: ${{ steps.each.error }}
              reached: ${{ vars.reached }}
              done: ${{ vars.done }}
            """);

        result.Status.Should().Be(RunStatus.Completed, "the foreach's own on-error catches the breach");
        result.Output!["status"]!.GetValue<string>().Should().Be("failed");
        result.Output!["error"]!["code"]!.GetValue<string>().Should().Be("max-iterations");
        result.Output!["error"]!["message"]!.GetValue<string>().Should().StartWith("Step 'tick' may run at most 2 times");
        result.Output!["done"]!.GetValue<bool>().Should().BeTrue();
        h.Probe.CountOf("tick-0").Should().Be(2, "every item has its own budget of passes");
        h.Probe.CountOf("tick-1").Should().Be(2);
        h.Probe.CountOf("tick-2").Should().Be(2, "the third pass of the third item is the breach, recorded without running");
        h.Probe.CountOf("tick-3").Should().Be(0, "the item after the breach never started");
        var steps = await h.Store.GetStepExecutionsAsync(result.RunId, CancellationToken.None);
        steps.Single(s => s.Path == "each[2]/tick#3").Error!.Code.Should().Be("max-iterations");
        steps.Where(s => s.Path.EndsWith("/never", StringComparison.Ordinal)).Should().BeEmpty("the looping step's own on-error does not apply to a breach");
        result.Output!["reached"].Should().BeNull();
    }

    [Fact]
    public async Task If_OnAStepInAForEachBody_ReadsThatItemsItemAndIndex()
    {
        await using var h = await EngineHarness.CreateAsync();
        var result = await h.RunAsync("""
            name: batch-if
            steps:
              - id: each
                foreach:
                  items: ${{ ['keep', 'drop', 'keep', 'keep'] }}
                  concurrency: 2
                  steps:
                    - id: work
                      if: item == 'keep' && index != 3
                      probe: { name: "work-${{ index }}", output: "${{ item }}-${{ index }}" }
            outputs: ${{ steps.each.output }}
            """);

        result.Status.Should().Be(RunStatus.Completed);
        h.Probe.Calls.Select(c => c.Name).Should().BeEquivalentTo(["work-0", "work-2"]);
        result.Output!.AsArray().Select(n => n?.GetValue<string>()).Should().Equal("keep-0", null, "keep-2", null);
        (await h.StepAsync(result.RunId, "each[1]/work")).Status.Should().Be(StepStatus.Skipped);
        (await h.StepAsync(result.RunId, "each[3]/work")).Status.Should().Be(StepStatus.Skipped);
    }
}

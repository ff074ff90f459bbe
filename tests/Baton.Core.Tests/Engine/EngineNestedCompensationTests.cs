using Baton.Core.Tests.Engine.Support;
using Baton.Storage;

namespace Baton.Core.Tests.Engine;

/// <summary>Compensation of steps that ran inside a <c>foreach</c> body, and of and by <c>workflow</c> steps.</summary>
public sealed class EngineNestedCompensationTests
{
    [Fact]
    public async Task RunFailsAfterAForEach_EachItemsStepIsCompensatedInReverseOrderWithItsOwnItem()
    {
        await using var h = await EngineHarness.CreateAsync();
        var result = await h.RunAsync("""
            name: batch-saga
            steps:
              - id: each
                foreach:
                  items: ${{ ['a', 'b', 'c'] }}
                  steps:
                    - id: reserve
                      probe: { name: "reserve-${{ item }}", output: "R-${{ item }}" }
                      compensate:
                        - id: release
                          probe: { name: "release-${{ item }}", output: "undo ${{ steps.reserve.output }} at ${{ index }}" }
              - id: charge
                probe: { failAlways: true, retryable: false, code: card.declined }
            """);

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Code.Should().Be("card.declined");
        h.Probe.Calls.Select(c => c.Name).Should().Equal(
            "reserve-a", "reserve-b", "reserve-c", "charge", "release-c", "release-b", "release-a");
        h.Probe.Calls.Where(c => c.Name.StartsWith("release-", StringComparison.Ordinal)).Select(c => c.Config["output"]!.GetValue<string>())
            .Should().Equal("undo R-c at 2", "undo R-b at 1", "undo R-a at 0");
        foreach (var index in new[] { 0, 1, 2 })
        {
            (await h.StepAsync(result.RunId, $"each[{index}]/reserve")).Status.Should().Be(StepStatus.Compensated);
            (await h.StepAsync(result.RunId, $"each[{index}]/reserve/release")).Status.Should().Be(StepStatus.Completed);
        }
    }

    [Fact]
    public async Task ForEachItemFails_TheItemsThatCompletedAreCompensatedAndTheFailedOneIsNot()
    {
        await using var h = await EngineHarness.CreateAsync();
        var result = await h.RunAsync("""
            name: partial
            steps:
              - id: each
                foreach:
                  items: ${{ [1, 2, 3, 4] }}
                  steps:
                    - id: reserve
                      probe: { name: "reserve-${{ item }}", failAlways: "${{ item == 3 }}", retryable: false }
                      compensate:
                        - id: release
                          probe: { name: "release-${{ item }}" }
            """);

        result.Status.Should().Be(RunStatus.Failed);
        h.Probe.Calls.Select(c => c.Name).Should().Equal("reserve-1", "reserve-2", "reserve-3", "release-2", "release-1");
        (await h.StepAsync(result.RunId, "each[2]/reserve")).Status.Should().Be(StepStatus.Failed);
        h.Probe.CountOf("reserve-4").Should().Be(0, "the items after the failed one never started");
    }

    [Fact]
    public async Task CompensationInANestedForEach_ReadsTheOuterItemNotTheInnerOnes()
    {
        await using var h = await EngineHarness.CreateAsync();
        var result = await h.RunAsync("""
            name: nested
            steps:
              - id: outer
                foreach:
                  items: ${{ ['x', 'y'] }}
                  steps:
                    - id: inner
                      foreach:
                        items: ${{ [10, 20] }}
                        steps:
                          - id: work
                            probe: { name: "work-${{ item }}" }
                      compensate:
                        - id: undo
                          probe: { name: "undo-${{ item }}-${{ index }}" }
              - id: boom
                fail: stop
            """);

        result.Status.Should().Be(RunStatus.Failed);
        h.Probe.Calls.Select(c => c.Name).Where(n => n.StartsWith("undo-", StringComparison.Ordinal))
            .Should().Equal(["undo-y-1", "undo-x-0"], "the compensation of 'inner' runs in the outer foreach's body, for its item");
    }

    [Fact]
    public async Task RunFailsAfterAWorkflowStep_TheWorkflowStepIsCompensatedWithItsChildsOutput()
    {
        await using var h = await EngineHarness.CreateAsync();
        h.Write("book.yaml", """
            name: book
            steps:
              - id: book
                probe: { name: book, output: B-17 }
            outputs: ${{ steps.book.output }}
            """);
        var result = await h.RunAsync("""
            name: trip
            steps:
              - id: booking
                workflow: { path: ./book.yaml }
                compensate:
                  - id: cancel-booking
                    probe: { name: cancel-booking, output: "cancel ${{ steps.booking.output }}" }
              - id: pay
                probe: { name: pay, failAlways: true, retryable: false }
            """);

        result.Status.Should().Be(RunStatus.Failed);
        h.Probe.Calls.Select(c => c.Name).Should().Equal("book", "pay", "cancel-booking");
        h.Probe.Calls.Last().Config["output"]!.GetValue<string>().Should().Be("cancel B-17");
        (await h.StepAsync(result.RunId, "booking")).Status.Should().Be(StepStatus.Compensated);
    }

    [Fact]
    public async Task CompensationThatIsAWorkflowStep_RunsAChildRunAndTheRunFailsWhenItEnds()
    {
        await using var h = await EngineHarness.CreateAsync();
        h.Write("refund.yaml", """
            name: refund
            inputs: { type: object, properties: { charge: { type: string } } }
            steps:
              - id: refund
                probe: { name: refund, output: "refunded ${{ inputs.charge }}" }
              - id: confirm
                wait: { event: confirmed }
            """);
        var waiting = await h.RunAsync("""
            name: shop
            steps:
              - id: charge
                probe: { name: charge, output: C-5 }
                compensate:
                  - id: refund
                    workflow: { path: ./refund.yaml, inputs: { charge: "${{ steps.charge.output }}" } }
              - id: ship
                probe: { name: ship, failAlways: true, retryable: false, code: carrier.down }
            """);

        waiting.Status.Should().Be(RunStatus.Waiting, "the run is not failed until its compensation's child run ends");
        h.Probe.Calls.Last().Config["output"]!.GetValue<string>().Should().Be("refunded C-5");
        var child = (await h.Store.ListRunsAsync(new RunQuery { WorkflowName = "refund" }, CancellationToken.None)).Should().ContainSingle().Subject;
        child.ParentRunId.Should().Be(waiting.RunId);

        await h.Engine.SignalAsync(child.Id, "confirmed");

        var parent = await h.Store.GetRunAsync(waiting.RunId, CancellationToken.None);
        parent!.Status.Should().Be(RunStatus.Failed);
        parent.Error!.Code.Should().Be("carrier.down", "the run keeps the error that failed it");
        (await h.StepAsync(waiting.RunId, "charge")).Status.Should().Be(StepStatus.Compensated);
        (await h.StepAsync(waiting.RunId, "charge/refund")).Status.Should().Be(StepStatus.Completed);
    }
}

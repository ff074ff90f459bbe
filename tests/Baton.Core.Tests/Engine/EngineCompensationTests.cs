using Baton.Core.Tests.Engine.Support;
using Baton.Storage;

namespace Baton.Core.Tests.Engine;

public sealed class EngineCompensationTests
{
    [Fact]
    public async Task RunFails_CompensationsRunInReverseOrderOfCompletion()
    {
        await using var h = await EngineHarness.CreateAsync();
        var result = await h.RunAsync("""
            name: saga
            steps:
              - id: reserve
                probe: { output: { id: R1 } }
                compensate:
                  - id: unreserve
                    probe: { name: unreserve, output: "undo ${{ steps.reserve.output.id }}" }
              - id: charge
                probe: { output: { id: C7 } }
                compensate:
                  - id: refund
                    probe: { name: refund, output: "refund ${{ steps.charge.output.id }}" }
              - id: no-undo
                probe: {}
              - id: ship
                probe: { failAlways: true, retryable: false, code: carrier.down }
            """);

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Code.Should().Be("carrier.down", "the run keeps the error that failed it");
        h.Probe.Calls.Select(c => c.Name).Should().Equal("reserve", "charge", "no-undo", "ship", "refund", "unreserve");
        h.Probe.Calls.Single(c => c.Name == "refund").Config["output"]!.GetValue<string>().Should().Be("refund C7");
        (await h.StepAsync(result.RunId, "charge")).Status.Should().Be(StepStatus.Compensated);
        (await h.StepAsync(result.RunId, "reserve")).Status.Should().Be(StepStatus.Compensated);
        (await h.StepAsync(result.RunId, "charge/refund")).Status.Should().Be(StepStatus.Completed);
    }

    [Fact]
    public async Task CompensationFails_TheOthersStillRunAndTheRunFails()
    {
        await using var h = await EngineHarness.CreateAsync();
        var result = await h.RunAsync("""
            name: saga
            steps:
              - id: first
                probe: {}
                compensate:
                  - id: undo-first
                    probe: { name: undo-first }
              - id: second
                probe: {}
                compensate:
                  - id: undo-second
                    probe: { name: undo-second, failAlways: true, retryable: false }
              - id: boom
                fail: stop
            """);

        result.Status.Should().Be(RunStatus.Failed);
        h.Probe.CountOf("undo-first").Should().Be(1);
        (await h.StepAsync(result.RunId, "second")).State!["compensation"]!.GetValue<string>().Should().Be("failed");
        (await h.StepAsync(result.RunId, "first")).Status.Should().Be(StepStatus.Compensated);
    }

    [Fact]
    public async Task RunCompletes_NoCompensationRuns()
    {
        await using var h = await EngineHarness.CreateAsync();
        var result = await h.RunAsync("""
            name: happy
            steps:
              - id: first
                probe: {}
                compensate:
                  - id: undo
                    probe: { name: undo }
            """);

        result.Status.Should().Be(RunStatus.Completed);
        h.Probe.CountOf("undo").Should().Be(0);
    }

    [Fact]
    public async Task CompensationOfAnEarlierLoopPass_ReadsThatPassesOutput()
    {
        await using var h = await EngineHarness.CreateAsync();
        var result = await h.RunAsync("""
            name: loop-saga
            steps:
              - id: count
                set: { n: "${{ (vars.n ?? 0) + 1 }}" }
              - id: reserve
                probe: { output: "R${{ vars.n }}" }
                compensate:
                  - id: unreserve
                    probe: { name: unreserve, output: "undo ${{ steps.reserve.output }}" }
              - id: again
                switch:
                  cases:
                    - when: vars.n < 2
                      goto: count
              - id: boom
                fail: stop
            """);

        result.Status.Should().Be(RunStatus.Failed);
        h.Probe.Calls.Where(c => c.Name == "unreserve").Select(c => c.Config["output"]!.GetValue<string>())
            .Should().Equal("undo R2", "undo R1");
    }
}

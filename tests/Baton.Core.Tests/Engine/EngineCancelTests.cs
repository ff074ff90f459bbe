using Baton.Core.Tests.Engine.Support;
using Baton.Storage;

namespace Baton.Core.Tests.Engine;

public sealed class EngineCancelTests
{
    [Fact]
    public async Task CancelAsync_WaitingRun_EndsCancelledWithWhoAndWhy()
    {
        await using var h = await EngineHarness.CreateAsync();
        var waiting = await h.RunAsync("""
            name: waits
            steps:
              - id: gate
                approval: {}
            """);

        var result = await h.Engine.CancelAsync(waiting.RunId, "user:ops", "duplicate request");

        result.Status.Should().Be(RunStatus.Cancelled);
        result.Error!.Message.Should().Be("Cancelled by user:ops: duplicate request");
        (await h.StepAsync(waiting.RunId, "gate")).Status.Should().Be(StepStatus.Cancelled);
        (await h.DetailsAsync(waiting.RunId)).Timeline.Last().Type.Should().Be(TimelineEventTypes.RunCancelled);
    }

    [Fact]
    public async Task CancelSignal_WhileAStepRunsInThisEngine_StopsTheAttempt()
    {
        await using var h = await EngineHarness.CreateAsync(options: new Baton.Engine.BatonEngineOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(50), LeaseDuration = TimeSpan.FromSeconds(1) });
        var run = h.RunAsync("""
            name: long
            steps:
              - id: long
                probe: { name: long, block: true }
            """);
        await h.Probe.StartedAsync("long");
        var runId = (await h.Store.ListRunsAsync(new RunQuery(), CancellationToken.None)).Single().Id;

        // Delivered as another process would: straight to the store. The holder sees it at its next heartbeat.
        await h.Store.DeliverSignalAsync(new SignalRecord { RunId = runId, Kind = SignalKind.Cancel, Name = "cancel", Actor = "user:ops", CreatedAt = DateTimeOffset.UnixEpoch }, CancellationToken.None);
        var result = await run;

        result.Status.Should().Be(RunStatus.Cancelled);
        (await h.StepAsync(runId, "long")).Status.Should().Be(StepStatus.Cancelled);
    }
}

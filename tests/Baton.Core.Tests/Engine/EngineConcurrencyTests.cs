using Baton.Core.Tests.Engine.Support;
using Baton.Storage;

namespace Baton.Core.Tests.Engine;

/// <summary>One drive per run in an engine, whoever asks: the worker, a start, a signal, an approval.</summary>
public sealed class EngineConcurrencyTests
{
    private const string TwoBranches = """
        name: busy
        steps:
          - id: both
            parallel:
              - id: work
                probe: { name: work, block: true, output: done }
              - id: gate
                wait: { event: go }
        """;

    [Fact]
    public async Task SignalAsync_WhileThisEngineDrivesTheRun_PokesThatDriveAndNeverStartsASecondOne()
    {
        await using var h = await EngineHarness.CreateAsync();
        var run = h.RunAsync(TwoBranches);
        await h.Probe.StartedAsync("work");
        var runId = (await h.Store.ListRunsAsync(new RunQuery(), CancellationToken.None)).Single().Id;

        // The signal returns once the running drive has consumed it, while 'work' is still in flight.
        await h.Engine.SignalAsync(runId, "go").WaitAsync(TimeSpan.FromSeconds(30));
        (await h.StepAsync(runId, "both/gate")).Status.Should().Be(StepStatus.Completed);
        h.Probe.Release("work");
        var result = await run;

        result.Status.Should().Be(RunStatus.Completed);
        h.Probe.CountOf("work").Should().Be(1, "no second drive recovered the attempt in flight as interrupted");
        (await h.DetailsAsync(runId)).Timeline.Should().NotContain(e => e.Type == TimelineEventTypes.StepInterrupted);
    }

    [Fact]
    public async Task SignalAsync_WhileTheWorkerOfThisEngineDrivesTheRun_IsHandledByThatWorker()
    {
        await using var h = await EngineHarness.CreateAsync();
        using var stop = new CancellationTokenSource();
        var worker = h.Engine.RunWorkerAsync(cancellationToken: stop.Token);
        var runId = await h.Engine.StartAsync(h.Load(TwoBranches));
        await h.Probe.StartedAsync("work");

        await h.Engine.SignalAsync(runId, "go").WaitAsync(TimeSpan.FromSeconds(30));
        h.Probe.Release("work");
        var result = await h.Engine.WaitForCompletionAsync(runId).WaitAsync(TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await FluentActions.Awaiting(() => worker).Should().ThrowAsync<OperationCanceledException>();

        result.Status.Should().Be(RunStatus.Completed);
        h.Probe.CountOf("work").Should().Be(1);
    }
}

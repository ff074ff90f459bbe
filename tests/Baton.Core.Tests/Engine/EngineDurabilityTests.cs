using Baton.Core.Tests.Engine.Support;
using Baton.Engine;
using Baton.Storage;

namespace Baton.Core.Tests.Engine;

public sealed class EngineDurabilityTests
{
    [Fact]
    public async Task RunInFlight_IsPinnedToItsDefinition_EditingTheFileChangesNothing()
    {
        await using var h = await EngineHarness.CreateAsync();
        const string original = """
            name: pinned
            steps:
              - id: gate
                approval: {}
              - id: finish
                set: { version: original }
            outputs: ${{ vars.version }}
            """;
        var waiting = await h.RunAsync(original);
        h.Load(original.Replace("version: original", "version: edited", StringComparison.Ordinal));

        var result = await h.Engine.DecideAsync(waiting.RunId, "gate", new ApprovalDecision(true, "ana"));

        result.Output!.GetValue<string>().Should().Be("original");
    }

    [Fact]
    public async Task InterruptedAttempt_RunsAgainWithTheSameKey_AndCompletedStepsDoNot()
    {
        var directory = Path.Combine(Path.GetTempPath(), "baton-engine-tests", Guid.NewGuid().ToString("n"));
        const string workflow = """
            name: interrupted
            steps:
              - id: before
                probe: { name: before }
              - id: work
                probe: { name: work, block: true, output: done }
            outputs: ${{ steps.work.output }}
            """;
        RunId runId;
        string firstKey;
        await using (var first = await EngineHarness.CreateAsync(directory: directory))
        {
            using var crash = new CancellationTokenSource();
            var running = first.Engine.RunAsync(first.Load(workflow), null, null, crash.Token);
            await first.Probe.StartedAsync("work");
            firstKey = first.Probe.Calls.Single(c => c.Name == "work").IdempotencyKey;
            runId = (await first.Store.ListRunsAsync(new RunQuery(), CancellationToken.None)).Single().Id;

            // The worker stops mid-attempt: the attempt's start is durable, its end never happens.
            await crash.CancelAsync();
            await FluentActions.Awaiting(() => running).Should().ThrowAsync<OperationCanceledException>();
            (await first.StepAsync(runId, "work")).Status.Should().Be(StepStatus.Running);
        }

        await using var second = await EngineHarness.CreateAsync(directory: directory);
        var resumed = second.Engine.DriveAsync(runId);
        await second.Probe.StartedAsync("work");
        second.Probe.Release("work");
        var result = await resumed;

        result.Status.Should().Be(RunStatus.Completed);
        second.Probe.CountOf("before").Should().Be(0, "a completed step never runs again");
        var retry = second.Probe.Calls.Single(c => c.Name == "work");
        retry.IdempotencyKey.Should().Be(firstKey);
        retry.Attempt.Should().Be(2);
        var timeline = (await second.DetailsAsync(runId)).Timeline;
        timeline.Should().Contain(e => e.Type == TimelineEventTypes.StepInterrupted && e.Path == "work" && e.Attempt == 1);
        timeline.Should().Contain(e => e.Type == TimelineEventTypes.RunRecovered);
    }

    [Fact]
    public async Task StepThatKeepsKillingItsWorker_FailsAfterMaxInterruptions()
    {
        var directory = Path.Combine(Path.GetTempPath(), "baton-engine-tests", Guid.NewGuid().ToString("n"));
        var options = new BatonEngineOptions { MaxInterruptions = 1 };
        const string workflow = """
            name: poison
            steps:
              - id: work
                probe: { name: work, block: true }
            """;
        RunId runId;
        await using (var first = await EngineHarness.CreateAsync(directory: directory, options: options))
        {
            using var crash = new CancellationTokenSource();
            var running = first.Engine.RunAsync(first.Load(workflow), null, null, crash.Token);
            await first.Probe.StartedAsync("work");
            runId = (await first.Store.ListRunsAsync(new RunQuery(), CancellationToken.None)).Single().Id;
            await crash.CancelAsync();
            await FluentActions.Awaiting(() => running).Should().ThrowAsync<OperationCanceledException>();
        }

        await using (var second = await EngineHarness.CreateAsync(directory: directory, options: options))
        {
            using var crash = new CancellationTokenSource();
            var resumed = second.Engine.DriveAsync(runId, crash.Token);
            await second.Probe.StartedAsync("work");
            await crash.CancelAsync();
            await FluentActions.Awaiting(() => resumed).Should().ThrowAsync<OperationCanceledException>();
        }

        await using var third = await EngineHarness.CreateAsync(directory: directory, options: options);
        var result = await third.Engine.DriveAsync(runId);

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Code.Should().Be("step.interrupted");
        third.Probe.Calls.Should().BeEmpty();
    }

    [Fact]
    public async Task LeaseTakenOver_TheOldHoldersLateResultIsFencedOff()
    {
        await using var h = await EngineHarness.CreateAsync(options: new BatonEngineOptions { LeaseDuration = TimeSpan.FromSeconds(30), HeartbeatInterval = TimeSpan.FromSeconds(10) });
        var run = h.RunAsync("""
            name: fenced
            steps:
              - id: work
                probe: { name: work, block: true }
            """);
        await h.Probe.StartedAsync("work");
        var runId = (await h.Store.ListRunsAsync(new RunQuery(), CancellationToken.None)).Single().Id;

        // Another worker, whose clock is past this worker's lease, takes the run over.
        var later = DateTimeOffset.UtcNow.AddMinutes(5);
        var taken = await h.Store.ClaimRunsAsync("other-worker", later, later.AddMinutes(1), 10, CancellationToken.None);
        taken.Should().Equal([runId], "a run whose lease expired is claimable, which is how a dead worker's runs are taken over");

        h.Probe.Release("work");
        var result = await run;

        result.Status.Should().Be(RunStatus.Running);
        (await h.StepAsync(runId, "work")).Status.Should().Be(StepStatus.Running, "the fenced-off completion was not applied");
        (await h.Store.GetRunAsync(runId, CancellationToken.None))!.LeaseOwner.Should().Be("other-worker");
    }

    [Fact]
    public async Task WorkerStopsWhileCommitting_TheAttemptIsLeftToResumeNotFailed()
    {
        await using var h = await EngineHarness.CreateAsync();
        using var stop = new CancellationTokenSource();
        h.Engine.TimelineEventCommitted += (_, e) =>
        {
            // Host shutdown arriving just as the commit that starts 'work' completes.
            if (e.Type == TimelineEventTypes.StepStarted && e.Path == "work")
            {
                stop.Cancel();
            }
        };
        var definition = h.Load("""
            name: stop
            steps:
              - id: work
                probe: { name: work, block: true }
                compensate:
                  - id: undo
                    probe: { name: undo }
            """);

        var act = () => h.Engine.RunAsync(definition, null, null, stop.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        var run = (await h.Store.ListRunsAsync(new RunQuery(), CancellationToken.None)).Single();
        run.Status.Should().Be(RunStatus.Running);
        run.LeaseOwner.Should().BeNull("the stopping worker hands the run back at once");
        (await h.StepAsync(run.Id, "work")).Status.Should().Be(StepStatus.Running);
        h.Probe.CountOf("undo").Should().Be(0);

        var resumed = h.Engine.DriveAsync(run.Id);
        await WaitForAttemptAsync(h, "work", 2);
        h.Probe.Release("work");
        (await resumed).Status.Should().Be(RunStatus.Completed);
    }

    private static async Task WaitForAttemptAsync(EngineHarness h, string name, int attempt)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!h.Probe.Calls.Any(c => c.Name == name && c.Attempt == attempt))
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}

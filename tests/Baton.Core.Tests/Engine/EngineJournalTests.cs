using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Baton.Core.Tests.Engine.Support;
using Baton.Steps;
using Baton.Storage;

namespace Baton.Core.Tests.Engine;

/// <summary>StepContext.RunOnceAsync: work inside a step recorded durably, replayed after a crash, never done twice.</summary>
public sealed class EngineJournalTests
{
    private const string Workflow = """
        name: journaled
        steps:
          - id: agent
            parts: { count: 3 }
            retry: { attempts: 2, delay: 1ms }
        outputs: ${{ steps.agent.output }}
        """;

    [Fact]
    public async Task RunOnce_RecordsEachPartAsAChildExecution()
    {
        var parts = new PartsStep();
        await using var h = await EngineHarness.CreateAsync(null, steps: [parts]);

        var result = await h.RunAsync(Workflow);

        result.Status.Should().Be(RunStatus.Completed);
        result.Output!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal("part-1 done", "part-2 done", "part-3 done");
        parts.Executions.Should().Equal("part-1", "part-2", "part-3");
        var steps = await h.Store.GetStepExecutionsAsync(result.RunId, CancellationToken.None);
        var children = steps.Where(s => s.IsJournalEntry).ToList();
        children.Select(c => c.Path).Should().Equal("agent/part-1", "agent/part-2", "agent/part-3");
        children.Should().OnlyContain(c => c.Kind == "test.part" && c.Status == StepStatus.Completed && c.ParentSeq == steps.Single(s => s.Path == "agent").Seq);
    }

    [Theory]
    [InlineData(JournalCommit.Awaited)]
    [InlineData(JournalCommit.Deferred)]
    public async Task CrashMidStep_RecordedPartsAreReplayedNotRedone(JournalCommit commit)
    {
        var directory = Path.Combine(Path.GetTempPath(), "baton-engine-tests", Guid.NewGuid().ToString("n"));
        var first = new PartsStep { BlockBefore = 3, Commit = commit };
        RunId runId;
        await using (var h = await EngineHarness.CreateAsync(null, directory: directory, steps: [first]))
        {
            using var crash = new CancellationTokenSource();
            var running = h.Engine.RunAsync(h.Load(Workflow), null, null, crash.Token);
            await first.Blocked.Task.WaitAsync(TimeSpan.FromSeconds(30));
            runId = (await h.Store.ListRunsAsync(new RunQuery(), CancellationToken.None)).Single().Id;
            await crash.CancelAsync();
            await FluentActions.Awaiting(() => running).Should().ThrowAsync<OperationCanceledException>();
        }

        var second = new PartsStep { Commit = commit };
        await using var resumed = await EngineHarness.CreateAsync(null, directory: directory, steps: [second]);
        var result = await resumed.Engine.DriveAsync(runId);

        result.Status.Should().Be(RunStatus.Completed);
        first.Executions.Should().Equal("part-1", "part-2");
        second.Executions.Should().Equal(["part-3"], "parts 1 and 2 were recorded before the crash and are replayed");
        result.Output!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal("part-1 done", "part-2 done", "part-3 done");
    }

    [Fact]
    public async Task Deferred_EveryEntryIsDurableBeforeTheNextPartStarts()
    {
        EngineHarness? harness = null;
        var durableAtStart = new ConcurrentDictionary<string, string[]>();
        var parts = new PartsStep
        {
            Commit = JournalCommit.Deferred,
            BeforeWork = async name =>
            {
                var runId = (await harness!.Store.ListRunsAsync(new RunQuery(), CancellationToken.None)).Single().Id;
                var steps = await harness.Store.GetStepExecutionsAsync(runId, CancellationToken.None);
                durableAtStart[name] = [.. steps.Where(s => s.IsJournalEntry).Select(s => s.StepId)];
            },
        };
        await using var h = await EngineHarness.CreateAsync(null, steps: [parts]);
        harness = h;

        var result = await h.RunAsync(Workflow);

        result.Status.Should().Be(RunStatus.Completed);
        durableAtStart["part-2"].Should().Equal("part-1");
        durableAtStart["part-3"].Should().Equal("part-1", "part-2");
        var children = (await h.Store.GetStepExecutionsAsync(result.RunId, CancellationToken.None)).Where(s => s.IsJournalEntry).ToList();
        children.Select(c => c.Path).Should().Equal(["agent/part-1", "agent/part-2", "agent/part-3"], "the last entry is committed with the step's outcome");
        children.Should().OnlyContain(c => c.Status == StepStatus.Completed);
    }

    [Fact]
    public async Task RecordedFailure_IsReplayedAsAFailure()
    {
        var parts = new PartsStep { FailPart = 2 };
        await using var h = await EngineHarness.CreateAsync(null, steps: [parts]);

        var result = await h.RunAsync(Workflow.Replace("retry: { attempts: 2, delay: 1ms }", "on-error: continue", StringComparison.Ordinal));

        var failed = (await h.Store.GetStepExecutionsAsync(result.RunId, CancellationToken.None)).Single(s => s.Path == "agent/part-2");
        failed.Status.Should().Be(StepStatus.Failed);
        failed.Error!.Code.Should().Be("part.refused");
        var ended = (await h.Store.GetTimelineAsync(result.RunId, CancellationToken.None)).Single(e => e.Path == "agent/part-2" && e.Type == TimelineEventTypes.StepFailed);
        ended.Data!["code"]!.GetValue<string>().Should().Be("part.refused", "a failed entry's end event carries its code, as a step's does");
    }

    [Fact]
    public async Task RetryAfterAFailure_StartsAFreshJournal()
    {
        var parts = new PartsStep { ThrowOnFirstAttemptAfter = 2 };
        await using var h = await EngineHarness.CreateAsync(null, steps: [parts]);

        var result = await h.RunAsync(Workflow);

        result.Status.Should().Be(RunStatus.Completed);
        parts.Executions.Should().Equal("part-1", "part-2", "part-1", "part-2", "part-3");
        var paths = (await h.Store.GetStepExecutionsAsync(result.RunId, CancellationToken.None)).Where(s => s.IsJournalEntry).Select(s => s.Path);
        paths.Should().Equal("agent/part-1", "agent/part-2", "agent/part-1#2", "agent/part-2#2", "agent/part-3#2");
    }

    /// <summary>A step kind that does its work in journaled parts: "parts: { count: N }".</summary>
    private sealed class PartsStep : IStepExecutor
    {
        private readonly ConcurrentQueue<string> _executions = new();

        public string Kind => "parts";

        public int BlockBefore { get; init; }

        public int FailPart { get; init; }

        public int ThrowOnFirstAttemptAfter { get; init; }

        public JournalCommit Commit { get; init; }

        /// <summary>Runs inside each part's journaled work, before the part is counted as executed.</summary>
        public Func<string, Task>? BeforeWork { get; init; }

        public TaskCompletionSource Blocked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IReadOnlyList<string> Executions => [.. _executions];

        public async ValueTask<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
        {
            var outputs = new JsonArray();
            var count = context.Config!["count"]!.GetValue<int>();
            for (var i = 1; i <= count; i++)
            {
                if (context.Attempt == 1 && ThrowOnFirstAttemptAfter > 0 && i > ThrowOnFirstAttemptAfter)
                {
                    return StepOutcome.Failed("part.flaky", "The first attempt gives up.");
                }

                var name = $"part-{i}";
                var part = i;
                var entry = await context.RunOnceAsync(name, "test.part", async ct =>
                {
                    if (part == BlockBefore)
                    {
                        // Inside the work, so that every earlier entry has passed the journal's barrier: a crash here
                        // finds them all durable whichever commit mode recorded them.
                        Blocked.TrySetResult();
                        await Task.Delay(Timeout.Infinite, ct);
                    }

                    if (BeforeWork is { } before)
                    {
                        await before(name);
                    }

                    _executions.Enqueue(name);
                    return part == FailPart
                        ? new JournalEntry(null, new ErrorInfo("part.refused", "Not this one."))
                        : new JournalEntry(JsonValue.Create($"{name} done"));
                }, Commit, cancellationToken);
                outputs.Add(entry.Output?.DeepClone());
            }

            return StepOutcome.Completed(outputs);
        }
    }
}

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

    [Fact]
    public async Task CrashMidStep_RecordedPartsAreReplayedNotRedone()
    {
        var directory = Path.Combine(Path.GetTempPath(), "baton-engine-tests", Guid.NewGuid().ToString("n"));
        var first = new PartsStep { BlockBefore = 3 };
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

        var second = new PartsStep();
        await using var resumed = await EngineHarness.CreateAsync(null, directory: directory, steps: [second]);
        var result = await resumed.Engine.DriveAsync(runId);

        result.Status.Should().Be(RunStatus.Completed);
        first.Executions.Should().Equal("part-1", "part-2");
        second.Executions.Should().Equal(["part-3"], "parts 1 and 2 were recorded before the crash and are replayed");
        result.Output!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal("part-1 done", "part-2 done", "part-3 done");
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

        public TaskCompletionSource Blocked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IReadOnlyList<string> Executions => [.. _executions];

        public async ValueTask<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
        {
            var outputs = new JsonArray();
            var count = context.Config!["count"]!.GetValue<int>();
            for (var i = 1; i <= count; i++)
            {
                if (i == BlockBefore)
                {
                    Blocked.TrySetResult();
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }

                if (context.Attempt == 1 && ThrowOnFirstAttemptAfter > 0 && i > ThrowOnFirstAttemptAfter)
                {
                    return StepOutcome.Failed("part.flaky", "The first attempt gives up.");
                }

                var name = $"part-{i}";
                var part = i;
                var entry = await context.RunOnceAsync(name, "test.part", _ =>
                {
                    _executions.Enqueue(name);
                    return Task.FromResult(part == FailPart
                        ? new JournalEntry(null, new ErrorInfo("part.refused", "Not this one."))
                        : new JournalEntry(JsonValue.Create($"{name} done")));
                }, cancellationToken);
                outputs.Add(entry.Output?.DeepClone());
            }

            return StepOutcome.Completed(outputs);
        }
    }
}

using System.Globalization;
using Baton.Core.Tests.Engine.Support;
using Baton.Core.Tests.Steps;
using Baton.Storage;
using Baton.Testing;

namespace Baton.Core.Tests.Engine;

/// <summary>A real <c>run</c> step with <c>timeout</c> and <c>retry</c>, through the engine, on a manual clock.</summary>
public sealed class EngineRunStepRetryTests
{
    [Fact]
    public async Task RunStep_AttemptsPastTheirTimeout_EachProcessIsKilledAndTheNextStartsWithTheSameIdempotencyKey()
    {
        await using var h = await EngineHarness.CreateAsync(new ManualTimeProvider(), ClockSteps.QuietOptions());
        var t0 = h.Time!.GetUtcNow();
        var log = Path.Combine(h.Directory, "attempts.log");
        var run = h.RunAsync("""
            name: slow-command
            steps:
              - id: sync
                run:
                  command: sh
                  args: ["-c", "echo \"$$ $BATON_IDEMPOTENCY_KEY\" >> attempts.log; exec sleep 600"]
                timeout: 3s
                retry: { attempts: 2, backoff: fixed, delay: 1s }
            """);
        var pids = new List<int>();
        try
        {
            var first = await AttemptLineAsync(log, 1, run);
            pids.Add(first.Pid);
            h.Time.Advance(TimeSpan.FromSeconds(3));
            await WaitUntilAsync(() => h.Events.Any(e => e.Type == TimelineEventTypes.StepRetryScheduled), run, "waiting for the first attempt to time out");
            var scheduled = h.Events.Single(e => e.Type == TimelineEventTypes.StepRetryScheduled);
            scheduled.At.Should().Be(t0 + TimeSpan.FromSeconds(3), "the attempt ends at its timeout");
            scheduled.Data!["code"]!.GetValue<string>().Should().Be("timeout");
            RunStepExecutorCancellationTests.IsRunning(first.Pid).Should().BeFalse("the first attempt's process is killed when its timeout passes");

            await h.AdvanceToAsync(t0 + TimeSpan.FromSeconds(4), run, "when the retry is due");
            var second = await AttemptLineAsync(log, 2, run);
            pids.Add(second.Pid);
            second.Pid.Should().NotBe(first.Pid);
            second.Key.Should().Be(first.Key, "every attempt of a step gets the same idempotency key");
            second.Key.Should().Be($"{(await h.Store.ListRunsAsync(new RunQuery(), CancellationToken.None)).Single().Id}:sync");

            h.Time.Advance(TimeSpan.FromSeconds(3));
            var result = await run;

            result.Status.Should().Be(RunStatus.Failed);
            result.Error!.Code.Should().Be("timeout");
            RunStepExecutorCancellationTests.IsRunning(second.Pid).Should().BeFalse("the last attempt's process is killed too");
            var step = await h.StepAsync(result.RunId, "sync");
            step.Attempts.Should().Be(2);
            step.EndedAt.Should().Be(t0 + TimeSpan.FromSeconds(7));
            File.ReadAllLines(log).Should().HaveCount(2);
        }
        finally
        {
            pids.ForEach(RunStepExecutorCancellationTests.KillLeftover);
        }
    }

    private static async Task<(int Pid, string Key)> AttemptLineAsync(string log, int attempt, Task run)
    {
        string[] lines = [];
        await WaitUntilAsync(() => (lines = File.Exists(log) ? File.ReadAllLines(log) : []).Length >= attempt, run, $"waiting for attempt {attempt}'s process to start");
        var parts = lines[attempt - 1].Split(' ', 2);
        return (int.Parse(parts[0], CultureInfo.InvariantCulture), parts[1]);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, Task run, string phase)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (run.IsCompleted)
            {
                throw new InvalidOperationException($"The run ended first, {phase}.");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after 30 s {phase}.");
            }

            await Task.Delay(5);
        }
    }
}

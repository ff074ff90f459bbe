using System.Collections.Concurrent;
using System.Diagnostics;
using Baton.Core.Tests.Engine.Support;
using Baton.Engine;

namespace Baton.Core.Tests.Engine;

public sealed class EngineTelemetryTests
{
    [Fact]
    public async Task EveryRunAndEveryStepAttempt_EmitsASpan()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == EngineTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var h = await EngineHarness.CreateAsync();

        var result = await h.RunAsync("""
            name: traced
            steps:
              - id: flaky
                probe: { name: flaky, failTimes: 1 }
                retry: { attempts: 2, delay: 1ms }
              - id: tally
                set: { n: 1 }
            """);

        // The listener is process-wide and tests run in parallel: keep this run's span and the spans under it.
        var run = spans.Should().ContainSingle(s => s.OperationName == "run traced" && s.GetTagItem("baton.run.id") as string == result.RunId.Value).Subject;
        run.GetTagItem("baton.run.status").Should().Be("Completed");
        var children = spans.Where(s => s.ParentSpanId == run.SpanId).ToList();
        var attempts = children.Where(s => s.OperationName == "step flaky").OrderBy(s => s.StartTimeUtc).ToList();
        attempts.Select(s => s.GetTagItem("baton.step.attempt")).Should().Equal(1, 2);
        attempts[0].Status.Should().Be(ActivityStatusCode.Error);
        children.Should().Contain(s => s.OperationName == "step tally", "every step emits a span, including the ones the engine runs itself");
    }
}

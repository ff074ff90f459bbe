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

        var mine = spans.Where(s => s.GetTagItem("baton.run.id") as string == result.RunId.Value || s.OperationName.StartsWith("step ", StringComparison.Ordinal)).ToList();
        var run = mine.Should().ContainSingle(s => s.OperationName == "run traced").Subject;
        run.GetTagItem("baton.run.status").Should().Be("Completed");
        var attempts = mine.Where(s => s.OperationName == "step flaky").ToList();
        attempts.Select(s => s.GetTagItem("baton.step.attempt")).Should().Equal(1, 2);
        attempts[0].Status.Should().Be(ActivityStatusCode.Error);
        attempts.Should().OnlyContain(s => s.ParentSpanId == run.SpanId, "step spans nest under the run's span");
        mine.Should().Contain(s => s.OperationName == "step tally");
    }
}

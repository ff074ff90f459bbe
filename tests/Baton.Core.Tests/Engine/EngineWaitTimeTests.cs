using System.Text.Json.Nodes;
using Baton.Core.Tests.Engine.Support;
using Baton.Storage;

namespace Baton.Core.Tests.Engine;

/// <summary>Waits whose time a template computes when the step starts.</summary>
public sealed class EngineWaitTimeTests
{
    [Fact]
    public async Task WaitFor_TemplatedDuration_WaitsTheRenderedTimeFromWhenTheStepStarted()
    {
        await using var h = await EngineHarness.CreateAsync(manualTime: true);
        var t0 = h.Time!.GetUtcNow();
        var result = await h.RunAsync("""
            name: pause
            inputs: { type: object, properties: { minutes: { type: integer } } }
            steps:
              - id: pause
                wait: { for: "${{ inputs.minutes * 2 }}m" }
              - id: after
                set: { firedAt: "${{ steps.pause.output.firedAt }}" }
            outputs: ${{ vars.firedAt }}
            """, new JsonObject { ["minutes"] = 3 });

        result.Status.Should().Be(RunStatus.Waiting);
        (await h.Store.GetRunAsync(result.RunId, CancellationToken.None))!.ReadyAt.Should().Be(t0 + TimeSpan.FromMinutes(6));

        h.Time.Advance(TimeSpan.FromMinutes(6) - TimeSpan.FromMilliseconds(1));
        await h.Engine.RunWorkerAsync(untilIdle: true);
        (await h.StepAsync(result.RunId, "pause")).Status.Should().Be(StepStatus.Waiting, "6 minutes have not passed yet");

        h.Time.Advance(TimeSpan.FromMilliseconds(1));
        await h.Engine.RunWorkerAsync(untilIdle: true);
        var final = await h.Engine.DriveAsync(result.RunId);
        final.Status.Should().Be(RunStatus.Completed);
        final.Output!.GetValue<string>().Should().Be("2026-01-01T09:06:00.000Z");
    }

    [Fact]
    public async Task WaitUntil_ATimeInThePast_CompletesAtOnceWithoutReleasingTheRun()
    {
        await using var h = await EngineHarness.CreateAsync(manualTime: true);
        var result = await h.RunAsync("""
            name: late
            inputs: { type: object, properties: { at: { type: string } } }
            steps:
              - id: morning
                wait: { until: "${{ inputs.at }}" }
              - id: after
                probe: { name: after }
            outputs: ${{ steps.morning.output }}
            """, new JsonObject { ["at"] = "2025-06-01T09:00:00Z" });

        result.Status.Should().Be(RunStatus.Completed, "a time already past is due when the wait starts");
        result.Output!["timedOut"]!.GetValue<bool>().Should().BeFalse();
        result.Output!["firedAt"]!.GetValue<string>().Should().Be("2026-01-01T09:00:00.000Z", "it fired when it started, on the unmoved clock");
        h.Probe.CountOf("after").Should().Be(1);
        (await h.DetailsAsync(result.RunId)).Timeline.Should().NotContain(e => e.Type == TimelineEventTypes.RunWaiting);
    }
}

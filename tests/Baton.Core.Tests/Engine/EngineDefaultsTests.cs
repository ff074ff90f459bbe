using Baton.Core.Tests.Engine.Support;
using Baton.Storage;
using Baton.Testing;

namespace Baton.Core.Tests.Engine;

/// <summary>The workflow's <c>defaults</c> as the engine applies them at run time.</summary>
public sealed class EngineDefaultsTests
{
    [Fact]
    public async Task DefaultTimeout_OnAWaitLongerThanIt_DoesNotCutTheWaitButBoundsTheActionAfterIt()
    {
        await using var h = await EngineHarness.CreateAsync(new ManualTimeProvider(), ClockSteps.QuietOptions());
        var t0 = h.Time!.GetUtcNow();
        var result = await h.RunAsync("""
            name: patient
            defaults: { timeout: 1s }
            steps:
              - id: settle
                wait: 10s
              - id: act
                probe: { name: act, block: true }
            """);

        result.Status.Should().Be(RunStatus.Waiting);
        (await h.Store.GetRunAsync(result.RunId, CancellationToken.None))!.ReadyAt.Should().Be(t0 + TimeSpan.FromSeconds(10), "the wait's own time is its only timer");
        (await h.StepAsync(result.RunId, "settle")).State!.ContainsKey("deadline").Should().BeFalse();

        h.Time.Advance(TimeSpan.FromSeconds(9));
        await h.Engine.RunWorkerAsync(untilIdle: true);
        (await h.StepAsync(result.RunId, "settle")).Status.Should().Be(StepStatus.Waiting, "9 s in, far past the default timeout, the wait goes on");

        h.Time.Advance(TimeSpan.FromSeconds(1));
        var drive = h.Engine.DriveAsync(result.RunId);
        await h.Probe.StartedAsync("act");
        (await h.StepAsync(result.RunId, "settle")).Status.Should().Be(StepStatus.Completed);
        h.Time.Advance(TimeSpan.FromSeconds(1));
        var final = await drive;

        final.Status.Should().Be(RunStatus.Failed);
        final.Error!.Code.Should().Be("timeout", "the default timeout still bounds the action step");
        final.Error.Message.Should().Contain("'act'");
    }

    [Fact]
    public async Task DefaultRetry_AppliesToStepsInGroupsBranchesItemsAndCases()
    {
        await using var h = await EngineHarness.CreateAsync();
        var result = await h.RunAsync("""
            name: nested-retry
            defaults:
              retry: { attempts: 2, backoff: fixed, delay: 1ms }
            steps:
              - id: group
                steps:
                  - id: in-group
                    probe: { name: in-group, failTimes: 1 }
              - id: both
                parallel:
                  - id: in-branch
                    probe: { name: in-branch, failTimes: 1 }
                  - id: other
                    probe: { name: other }
              - id: each
                foreach:
                  items: ${{ [1, 2] }}
                  steps:
                    - id: in-item
                      probe: { name: "in-item-${{ item }}", failTimes: 1 }
              - id: route
                switch:
                  cases:
                    - when: true
                      steps:
                        - id: in-case
                          probe: { name: in-case, failTimes: 1 }
            """);

        result.Status.Should().Be(RunStatus.Completed);
        foreach (var name in new[] { "in-group", "in-branch", "in-item-1", "in-item-2", "in-case" })
        {
            h.Probe.CountOf(name).Should().Be(2, $"'{name}' failed once and the default retry ran it again");
        }

        h.Probe.CountOf("other").Should().Be(1);
    }
}

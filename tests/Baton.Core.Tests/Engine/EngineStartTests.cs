using System.Text.Json.Nodes;
using Baton.Core.Tests.Engine.Support;
using Baton.Storage;

namespace Baton.Core.Tests.Engine;

public sealed class EngineStartTests
{
    private const string Typed = """
        name: typed
        inputs:
          type: object
          required: [client]
          properties:
            client: { type: string }
            count: { type: integer, minimum: 1 }
        steps:
          - id: a
            probe: {}
        """;

    [Fact]
    public async Task RunAsync_InputsThatDoNotMatchTheSchema_ThrowWithFieldPathsAndPersistNothing()
    {
        await using var h = await EngineHarness.CreateAsync();

        var act = () => h.Engine.RunAsync(h.Load(Typed), new JsonObject { ["count"] = 0 });

        var error = (await act.Should().ThrowAsync<WorkflowInputException>()).Which;
        error.Errors.Select(e => e.Path).Should().Contain(["inputs.client", "inputs.count"]);
        (await h.Store.ListRunsAsync(new RunQuery(), CancellationToken.None)).Should().BeEmpty();
        h.Probe.Calls.Should().BeEmpty();
    }

    [Fact]
    public async Task RunAsync_RequiredEnvironmentVariableMissing_ThrowsAndPersistsNothing()
    {
        await using var h = await EngineHarness.CreateAsync();
        var definition = h.Load("""
            name: needs-env
            env: [BATON_TEST_SURELY_UNSET_VARIABLE]
            steps:
              - id: a
                probe: { value: "${{ env.BATON_TEST_SURELY_UNSET_VARIABLE }}" }
            """);

        var act = () => h.Engine.RunAsync(definition);

        (await act.Should().ThrowAsync<RunStartException>()).Which.Message.Should().Contain("BATON_TEST_SURELY_UNSET_VARIABLE is not set");
        (await h.Store.ListRunsAsync(new RunQuery(), CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public async Task RunAsync_EnvDefaults_AreCapturedWithTheRun()
    {
        await using var h = await EngineHarness.CreateAsync();
        var result = await h.RunAsync("""
            name: env-default
            env: { BATON_TEST_SURELY_UNSET_VARIABLE: fallback-value }
            steps:
              - id: a
                probe: { output: "${{ env.BATON_TEST_SURELY_UNSET_VARIABLE }}" }
            outputs: ${{ steps.a.output }}
            """);

        result.Output!.GetValue<string>().Should().Be("fallback-value");
        (await h.Store.GetRunAsync(result.RunId, CancellationToken.None))!.Env["BATON_TEST_SURELY_UNSET_VARIABLE"]!.GetValue<string>().Should().Be("fallback-value");
    }

    [Fact]
    public async Task StartAsync_LeavesTheRunReady_AndAWorkerDrivesItToTheEnd()
    {
        await using var h = await EngineHarness.CreateAsync();
        var runId = await h.Engine.StartAsync(h.Load(Typed), new JsonObject { ["client"] = "acme" });

        var stored = await h.Store.GetRunAsync(runId, CancellationToken.None);
        stored!.LeaseOwner.Should().BeNull();
        h.Probe.Calls.Should().BeEmpty();

        await h.Engine.RunWorkerAsync(untilIdle: true).WaitAsync(TimeSpan.FromSeconds(30));
        var result = await h.Engine.WaitForCompletionAsync(runId).WaitAsync(TimeSpan.FromSeconds(30));

        result.Status.Should().Be(RunStatus.Completed);
        h.Probe.Calls.Should().ContainSingle();
    }

    [Fact]
    public async Task RecoverAbandonedRunsAsync_ReleasesRunsHeldByADeadProcessOnThisMachine()
    {
        await using var h = await EngineHarness.CreateAsync();
        var runId = await h.Engine.StartAsync(h.Load(Typed), new JsonObject { ["client"] = "acme" });
        var deadOwner = $"{Environment.MachineName}/2147483646/1/1";
        var now = DateTimeOffset.UtcNow;
        (await h.Store.TryClaimRunAsync(runId, deadOwner, now, now.AddHours(1), CancellationToken.None)).Should().BeTrue();

        var released = await h.Engine.RecoverAbandonedRunsAsync();
        await h.Engine.RunWorkerAsync(untilIdle: true).WaitAsync(TimeSpan.FromSeconds(30));

        released.Should().Be(1);
        (await h.Store.GetRunAsync(runId, CancellationToken.None))!.Status.Should().Be(RunStatus.Completed);
    }

    [Fact]
    public async Task RecoverAbandonedRunsAsync_LeavesLeasesOfLiveWorkersAlone()
    {
        await using var h = await EngineHarness.CreateAsync();
        var runId = await h.Engine.StartAsync(h.Load(Typed), new JsonObject { ["client"] = "acme" });
        var liveOwner = $"{Environment.MachineName}/{Environment.ProcessId}/{new DateTimeOffset(System.Diagnostics.Process.GetCurrentProcess().StartTime.ToUniversalTime()).ToUnixTimeSeconds()}/999";
        var now = DateTimeOffset.UtcNow;
        await h.Store.TryClaimRunAsync(runId, liveOwner, now, now.AddHours(1), CancellationToken.None);

        (await h.Engine.RecoverAbandonedRunsAsync()).Should().Be(0);
        (await h.Store.GetRunAsync(runId, CancellationToken.None))!.LeaseOwner.Should().Be(liveOwner);
    }

    [Fact]
    public async Task WorkerThatCannotDriveARun_RecordsTheStallAndLeavesItForLater()
    {
        var time = new Baton.Testing.ManualTimeProvider();
        await using var h = await EngineHarness.CreateAsync(time);
        var runId = await h.Engine.StartAsync(h.Load("""
            name: needs-probe
            steps:
              - id: a
                probe: {}
            """));

        // A second worker on the same store that lacks the 'probe' step kind.
        await using var store = new Baton.Sqlite.SqliteWorkflowStore(new Baton.Sqlite.SqliteStoreOptions { Path = h.StorePath }, time);
        await store.InitializeAsync(CancellationToken.None);
        var other = new Baton.Engine.BatonEngine(store, [], timeProvider: time);
        await other.RunWorkerAsync(untilIdle: true).WaitAsync(TimeSpan.FromSeconds(30));

        var run = await h.Store.GetRunAsync(runId, CancellationToken.None);
        run!.LeaseOwner.Should().BeNull();
        run.ReadyAt.Should().Be(time.GetUtcNow() + TimeSpan.FromMinutes(1));
        var stalled = (await h.DetailsAsync(runId)).Timeline.Single(e => e.Type == TimelineEventTypes.RunStalled);
        stalled.Message.Should().Contain("probe");

        time.Advance(TimeSpan.FromMinutes(1));
        await h.Engine.RunWorkerAsync(untilIdle: true).WaitAsync(TimeSpan.FromSeconds(30));
        (await h.Store.GetRunAsync(runId, CancellationToken.None))!.Status.Should().Be(RunStatus.Completed);
    }
}

using System.Text.Json.Nodes;
using Baton.Core.Tests.Engine.Support;
using Baton.Definitions;
using Baton.Engine;
using Baton.Sqlite;
using Baton.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Baton.Core.Tests.Engine;

/// <summary>The checks a host adds (<see cref="IRunStartCheck"/>) are made with the engine's own before a run starts.</summary>
public sealed class EngineStartCheckTests : IDisposable
{
    private const string TwoSteps = """
        name: checked
        steps:
          - id: first
            probe: {}
          - id: child
            workflow: { path: ./child.yaml }
        """;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "baton-start-check-tests", Guid.NewGuid().ToString("n"));

    public EngineStartCheckTests()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "child.yaml"), "name: child\nsteps:\n  - id: inner\n    probe: {}\n");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task RunAsync_StartCheckFindsAProblem_ThrowsRunStartExceptionAndNothingRunsOrIsStored()
    {
        var probe = new ProbeExecutor();
        var check = new RefusingCheck("The thing the steps need is missing: set THING.");
        await using var store = await OpenStoreAsync();
        var engine = new BatonEngine(store, [probe], startChecks: [check]);

        var act = () => engine.RunAsync(engine.LoadDefinition(Write(TwoSteps)), new JsonObject());

        var error = (await act.Should().ThrowAsync<RunStartException>()).Which;
        error.Problems.Should().Equal("The thing the steps need is missing: set THING.");
        error.Message.Should().Contain("Workflow 'checked' cannot start").And.Contain("set THING");
        probe.Calls.Should().BeEmpty();
        (await store.ListRunsAsync(new RunQuery(), CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public async Task RunAsync_StartChecksPass_CheckedOnceForTheRunNotForItsChildRuns()
    {
        var check = new RefusingCheck(problem: null);
        await using var store = await OpenStoreAsync();
        var engine = new BatonEngine(store, [new ProbeExecutor()], startChecks: [check]);

        var result = await engine.RunAsync(engine.LoadDefinition(Write(TwoSteps)), new JsonObject());

        result.Status.Should().Be(RunStatus.Completed);
        check.Checked.Should().Equal("checked");
    }

    [Fact]
    public async Task AddBaton_StartCheckRegistered_RefusesTheStartThroughTheEngineFromTheContainer()
    {
        var services = new ServiceCollection();
        services.AddBaton().UseSqlite(Path.Combine(_directory, "store.db")).AddStep<ProbeExecutor>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRunStartCheck, RefusingCheck>(_ => new RefusingCheck("Not today.")));
        await using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<BatonEngine>();
        await engine.InitializeAsync();

        var act = () => engine.StartAsync(engine.LoadDefinition(Write(TwoSteps)));

        (await act.Should().ThrowAsync<RunStartException>()).Which.Problems.Should().Equal("Not today.");
        (await engine.ListRunsAsync(new RunQuery())).Should().BeEmpty();
    }

    [Fact]
    public async Task CheckCanStart_BadInputsMissingEnvironmentAndAFailedCheck_ThrowsWithoutTouchingTheStore()
    {
        var path = Path.Combine(_directory, "never", "store.db");
        await using var store = new SqliteWorkflowStore(new SqliteStoreOptions { Path = path });
        var engine = new BatonEngine(store, [new ProbeExecutor()], startChecks: [new RefusingCheck("No model key.")]);
        var typed = engine.LoadDefinition(Write("""
            name: typed
            inputs: { type: object, required: [client], properties: { client: { type: string } } }
            env: [BATON_TEST_SURELY_UNSET_VARIABLE]
            steps:
              - id: a
                probe: {}
            """));

        var badInputs = () => engine.CheckCanStart(typed, new JsonObject());
        var cannotStart = () => engine.CheckCanStart(typed, new JsonObject { ["client"] = "acme" });

        badInputs.Should().Throw<WorkflowInputException>().Which.Errors.Select(e => e.Path).Should().Equal("inputs.client");
        cannotStart.Should().Throw<RunStartException>().Which.Problems.Should().HaveCount(2)
            .And.Contain(p => p.Contains("BATON_TEST_SURELY_UNSET_VARIABLE", StringComparison.Ordinal))
            .And.Contain("No model key.");
        File.Exists(path).Should().BeFalse("checking a start opens no store");
        Directory.Exists(Path.GetDirectoryName(path)).Should().BeFalse();
    }

    private async Task<SqliteWorkflowStore> OpenStoreAsync()
    {
        var store = new SqliteWorkflowStore(new SqliteStoreOptions { Path = Path.Combine(_directory, "store.db") });
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    private string Write(string yaml)
    {
        var path = Path.Combine(_directory, "workflow.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    /// <summary>Reports <paramref name="problem"/> for every definition (none when null), and records which it was asked about.</summary>
    private sealed class RefusingCheck(string? problem) : IRunStartCheck
    {
        private readonly List<string> _checked = [];

        public IReadOnlyList<string> Checked
        {
            get
            {
                lock (_checked)
                {
                    return [.. _checked];
                }
            }
        }

        public IEnumerable<string> Check(WorkflowDefinition definition)
        {
            lock (_checked)
            {
                _checked.Add(definition.Name);
            }

            return problem is null ? [] : [problem];
        }
    }
}

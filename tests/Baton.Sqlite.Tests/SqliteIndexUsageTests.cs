using Baton.Sqlite.Reading;
using Baton.Sqlite.Tests.TestSupport;
using Baton.Sqlite.Writing;
using Baton.Storage;
using Baton.Store.Conformance;
using Baton.Testing;
using Microsoft.Data.Sqlite;

namespace Baton.Sqlite.Tests;

/// <summary>
/// A store full of parked runs must not make polling expensive: the queries a worker runs all the time are answered from
/// indexes, whatever the number of waiting runs. Checked by query plan, not by the clock.
/// </summary>
public sealed class SqliteIndexUsageTests : IAsyncLifetime, IDisposable
{
    private const int WaitingRuns = 20_000;

    private readonly TempDirectory _directory = new();
    private readonly ManualTimeProvider _time = new();
    private SqliteWorkflowStore _store = null!;
    private SqliteConnection _raw = null!;

    private DateTimeOffset Now => _time.GetUtcNow();

    public async Task InitializeAsync()
    {
        var path = _directory.File("baton.db");
        _store = await StoreFactory.OpenAsync(path, _time);
        var children = Enumerable.Range(0, WaitingRuns).Select(i => StoreTestData.Insert(StoreTestData.WaitingRun(Now.AddMilliseconds(i), i % 2 == 0 ? "even" : "odd")));
        await _store.CommitAsync(new RunCommit { Run = StoreTestData.WaitingRun(Now), IsNew = true, NewRuns = children.ToArray() }, CancellationToken.None);
        _raw = RawDatabase.Open(path);
    }

    public async Task DisposeAsync()
    {
        _raw.Dispose();
        await _store.DisposeAsync();
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task ClaimRunsAsync_AmongManyWaitingRuns_ClaimsTheReadyOnesThroughTheReadyIndex()
    {
        var ready = new List<RunId>();
        for (var i = 0; i < 5; i++)
        {
            var run = StoreTestData.ReadyRun(Now, Now.AddSeconds(-i));
            await _store.CommitAsync(StoreTestData.Insert(run), CancellationToken.None);
            ready.Insert(0, run.Id);
        }

        (await _store.ClaimRunsAsync("w1", Now, Now.AddMinutes(1), 100, CancellationToken.None)).Should().Equal(ready);
        AssertUsesIndexes(WriteSql.ClaimRuns, "runs_ready");
    }

    [Fact]
    public async Task GetNextReadyAtAsync_AmongManyWaitingRuns_ReadsTheReadyIndex()
    {
        await _store.CommitAsync(StoreTestData.Insert(StoreTestData.ReadyRun(Now, Now.AddMinutes(3))), CancellationToken.None);

        (await _store.GetNextReadyAtAsync(Now, CancellationToken.None)).Should().Be(Now.AddMinutes(3));
        AssertUsesIndexes(ReadSql.NextReadyAt, "runs_ready");
    }

    [Fact]
    public async Task ListRunsAsync_EveryFilterCombination_ReadsAnIndexInOrder()
    {
        var page = await _store.ListRunsAsync(new RunQuery { WorkflowName = "odd", Limit = 10 }, CancellationToken.None);
        var next = await _store.ListRunsAsync(new RunQuery { WorkflowName = "odd", Limit = 10, Before = page[^1].Id }, CancellationToken.None);

        next.Should().HaveCount(10);
        next[0].CreatedAt.Should().BeBefore(page[^1].CreatedAt);
        foreach (var byStatus in new[] { false, true })
        {
            foreach (var byWorkflow in new[] { false, true })
            {
                foreach (var before in new[] { false, true })
                {
                    AssertUsesIndexes(ReadSql.ListRuns(byStatus, byWorkflow, before), "runs_");
                }
            }
        }
    }

    [Fact]
    public void LeaseAndSignalQueries_ReadTheirIndexes()
    {
        AssertUsesIndexes(ReadSql.LeaseHolders, "runs_lease");
        AssertUsesIndexes(WriteSql.ReleaseLeasesOf, "runs_lease");
        AssertUsesIndexes(ReadSql.PendingSignalsOfRun, "signals_pending");
        AssertUsesIndexes(ReadSql.SignalsOfRun, "signals_run");
        AssertUsesIndexes(ReadSql.StepsOfRun, "PRIMARY KEY");
        AssertUsesIndexes(WriteSql.UpdateRun, "sqlite_autoindex_runs");
    }

    /// <summary>Asserts that every step of the plan that reads a table reads it through an index or its key, in the order wanted.</summary>
    private void AssertUsesIndexes(string sql, string expectedIndex)
    {
        var plan = _raw.QueryPlan(sql);
        var reads = plan.Where(d => d.StartsWith("SCAN", StringComparison.Ordinal) || d.StartsWith("SEARCH", StringComparison.Ordinal)).ToList();
        reads.Should().NotBeEmpty($"the plan of {sql} reads a table");
        reads.Should().OnlyContain(
            d => d.Contains("INDEX", StringComparison.Ordinal) || d.Contains("PRIMARY KEY", StringComparison.Ordinal),
            $"no query that workers run may scan a whole table; plan: {string.Join(" | ", plan)}");
        plan.Should().Contain(d => d.Contains(expectedIndex, StringComparison.Ordinal), $"the plan should use {expectedIndex}; plan: {string.Join(" | ", plan)}");
        plan.Should().NotContain(
            d => d.Contains("TEMP B-TREE", StringComparison.Ordinal),
            $"rows must come out of the index in order, not be sorted afterwards; plan: {string.Join(" | ", plan)}");
        Console.WriteLine($"{string.Join(" | ", plan)}");
    }
}

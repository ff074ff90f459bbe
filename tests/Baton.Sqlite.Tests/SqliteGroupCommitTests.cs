using System.Text.Json.Nodes;
using Baton.Sqlite.Tests.TestSupport;
using Baton.Storage;
using Baton.Store.Conformance;
using Baton.Testing;

namespace Baton.Sqlite.Tests;

/// <summary>
/// The single writer batches queued operations into one transaction. Holding the writer lines operations up
/// deterministically, so that each test knows which ones share a batch.
/// </summary>
public sealed class SqliteGroupCommitTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly ManualTimeProvider _time = new();
    private SqliteWorkflowStore _store = null!;

    private DateTimeOffset Now => _time.GetUtcNow();

    public async Task InitializeAsync() => _store = await StoreFactory.OpenAsync(_directory.File("baton.db"), _time, o => o.MaxBatchSize = 100);

    public async Task DisposeAsync() => await _store.DisposeAsync();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task CommitAsync_ManyConcurrentCommits_AreAllDurableInFewerTransactions()
    {
        var runs = Enumerable.Range(0, 250).Select(_ => StoreTestData.WaitingRun(Now)).ToList();
        var before = _store.TransactionCount;

        Task[] commits;
        using (var hold = await _store.HoldWriterAsync())
        {
            // CommitAsync queues its operation before it first yields, so each task counts down once its commit is queued.
            var remaining = runs.Count;
            var allQueued = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            commits = runs.Select(r => Task.Run(async () =>
            {
                var commit = _store.CommitAsync(StoreTestData.Insert(r), CancellationToken.None);
                if (Interlocked.Decrement(ref remaining) == 0)
                {
                    allQueued.SetResult();
                }

                await commit;
            })).ToArray();
            await allQueued.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }

        await Task.WhenAll(commits).WaitAsync(TimeSpan.FromSeconds(60));

        // The hold is one transaction; 250 commits at up to 100 per transaction take three more.
        (_store.TransactionCount - before).Should().Be(4);
        await using var reopened = await StoreFactory.OpenAsync(_directory.File("baton.db"), _time);
        foreach (var run in runs)
        {
            (await reopened.GetRunAsync(run.Id, CancellationToken.None)).Should().NotBeNull();
        }
    }

    [Fact]
    public async Task CommitAsync_FailingCommitsInABatch_RollBackAloneWhileTheOthersCommit()
    {
        var held = await InsertAsync(Leased(StoreTestData.ReadyRun(Now, Now), "w1"));
        var logged = StoreTestData.WaitingRun(Now);
        await _store.CommitAsync(new RunCommit { Run = logged, IsNew = true, Events = [StoreTestData.Event(logged.Id, 1, Now)] }, CancellationToken.None);
        var first = StoreTestData.WaitingRun(Now);
        var last = StoreTestData.WaitingRun(Now);
        var before = _store.TransactionCount;

        Task okFirst, fenced, conflicting, okLast;
        using (var hold = await _store.HoldWriterAsync())
        {
            okFirst = _store.CommitAsync(StoreTestData.Insert(first, StoreTestData.Step(first.Id, 1, Now)), CancellationToken.None).AsTask();
            fenced = _store.CommitAsync(
                new RunCommit { Run = WithVars(held), ExpectedLeaseOwner = "w-stale", Steps = [StoreTestData.Step(held.Id, 1, Now)] },
                CancellationToken.None).AsTask();
            conflicting = _store.CommitAsync(
                new RunCommit { Run = WithVars(logged), Steps = [StoreTestData.Step(logged.Id, 1, Now)], Events = [StoreTestData.Event(logged.Id, 1, Now)] },
                CancellationToken.None).AsTask();
            okLast = _store.CommitAsync(StoreTestData.Insert(last, StoreTestData.Step(last.Id, 1, Now)), CancellationToken.None).AsTask();
        }

        await okFirst;
        await okLast;
        await fenced.Invoking(t => t).Should().ThrowAsync<LeaseLostException>();
        await conflicting.Invoking(t => t).Should().ThrowAsync<InvalidRunOperationException>();
        (_store.TransactionCount - before).Should().Be(2, "the hold and one batch holding all four commits");
        (await _store.GetStepExecutionsAsync(first.Id, CancellationToken.None)).Should().ContainSingle();
        (await _store.GetStepExecutionsAsync(last.Id, CancellationToken.None)).Should().ContainSingle();
        (await _store.GetStepExecutionsAsync(held.Id, CancellationToken.None)).Should().BeEmpty();
        (await _store.GetStepExecutionsAsync(logged.Id, CancellationToken.None)).Should().BeEmpty();
        (await _store.GetRunAsync(held.Id, CancellationToken.None))!.Vars.Should().BeEmpty();
        (await _store.GetRunAsync(logged.Id, CancellationToken.None))!.Vars.Should().BeEmpty();
    }

    [Fact]
    public async Task WriteOperations_OfEveryKindInOneBatch_EachGetTheirOwnResult()
    {
        var ready = await InsertAsync(StoreTestData.ReadyRun(Now, Now));
        var waiting = await InsertAsync(StoreTestData.WaitingRun(Now));
        var ended = StoreTestData.WaitingRun(Now);
        ended.Status = RunStatus.Completed;
        await InsertAsync(ended);
        var before = _store.TransactionCount;

        Task<IReadOnlyList<RunId>> claim;
        Task<SignalRecord> signal;
        Task<SignalRecord> refused;
        Task<bool> tryClaim;
        Task definition;
        using (var hold = await _store.HoldWriterAsync())
        {
            claim = _store.ClaimRunsAsync("w1", Now, Now.AddMinutes(1), 10, CancellationToken.None).AsTask();
            signal = _store.DeliverSignalAsync(StoreTestData.Signal(waiting.Id, Now), CancellationToken.None).AsTask();
            refused = _store.DeliverSignalAsync(StoreTestData.Signal(ended.Id, Now), CancellationToken.None).AsTask();
            tryClaim = _store.TryClaimRunAsync(ready.Id, "w2", Now, Now.AddMinutes(1), CancellationToken.None).AsTask();
            definition = _store.SaveDefinitionAsync(new DefinitionRecord("sha256-x", "x", null, "{}", Now), CancellationToken.None).AsTask();
        }

        (await claim).Should().Equal(ready.Id);
        (await signal).Id.Should().BePositive();
        await refused.Invoking(t => t).Should().ThrowAsync<InvalidRunOperationException>();
        (await tryClaim).Should().BeFalse("the claim before it in the same batch holds the run");
        await definition;
        (_store.TransactionCount - before).Should().Be(2);
    }

    [Fact]
    public async Task CommitAsync_CancelledWhileQueued_IsSkipped()
    {
        var run = StoreTestData.WaitingRun(Now);
        using var cancellation = new CancellationTokenSource();

        Task commit;
        using (var hold = await _store.HoldWriterAsync())
        {
            commit = _store.CommitAsync(StoreTestData.Insert(run), cancellation.Token).AsTask();
            await cancellation.CancelAsync();
        }

        await commit.Invoking(t => t).Should().ThrowAsync<OperationCanceledException>();
        (await _store.GetRunAsync(run.Id, CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task CommitAsync_AfterAFailedBatch_TheWriterKeepsWorking()
    {
        var run = StoreTestData.WaitingRun(Now);
        var conflicting = StoreTestData.WaitingRun(Now, id: run.Id);
        await _store.CommitAsync(StoreTestData.Insert(run), CancellationToken.None);

        var act = async () => await _store.CommitAsync(StoreTestData.Insert(conflicting), CancellationToken.None);
        await act.Should().ThrowAsync<InvalidRunOperationException>();

        var next = StoreTestData.WaitingRun(Now);
        await _store.CommitAsync(StoreTestData.Insert(next), CancellationToken.None);
        (await _store.GetRunAsync(next.Id, CancellationToken.None)).Should().NotBeNull();
    }

    private static RunRecord Leased(RunRecord run, string owner)
    {
        run.LeaseOwner = owner;
        run.LeaseExpiresAt = run.CreatedAt.AddMinutes(5);
        return run;
    }

    private static RunRecord WithVars(RunRecord run)
    {
        var next = run.Clone();
        next.Vars = new JsonObject { ["changed"] = true };
        return next;
    }

    private async Task<RunRecord> InsertAsync(RunRecord run)
    {
        await _store.CommitAsync(StoreTestData.Insert(run), CancellationToken.None);
        return run;
    }
}

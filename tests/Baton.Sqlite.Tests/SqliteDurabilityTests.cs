using Baton.Sqlite.Tests.TestSupport;
using Baton.Storage;
using Baton.Store.Conformance;
using Baton.Testing;

namespace Baton.Sqlite.Tests;

public sealed class SqliteDurabilityTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly ManualTimeProvider _time = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task CommitAsync_Returned_AnotherStoreReadsItWhileTheFirstIsStillOpen()
    {
        var path = _directory.File("baton.db");
        var writer = await StoreFactory.OpenAsync(path, _time);
        var run = StoreTestData.FullRun(_time.GetUtcNow());
        run.Status = RunStatus.Waiting;
        var step = StoreTestData.FullStep(run.Id, 1, _time.GetUtcNow());
        await writer.CommitAsync(StoreTestData.Insert(run, step), CancellationToken.None);
        var signal = await writer.DeliverSignalAsync(StoreTestData.Signal(run.Id, _time.GetUtcNow()), CancellationToken.None);

        // The writer is neither disposed nor flushed: the second store stands for the process that restarts after a crash.
        await using var survivor = await StoreFactory.OpenAsync(path, _time);
        var snapshot = await survivor.LoadRunAsync(run.Id, CancellationToken.None);

        snapshot!.Steps.ShouldMatch(new[] { step });
        snapshot.PendingSignals.Select(s => s.Id).Should().Equal(signal.Id);
        await writer.DisposeAsync();
    }

    [Fact]
    public async Task InitializeAsync_WriteConnection_UsesWalFullSyncForeignKeysAndABackstopCheckpoint()
    {
        await using var store = await StoreFactory.OpenAsync(_directory.File("baton.db"), _time);

        (await store.QueryOnWriterAsync("PRAGMA journal_mode")).Should().Be("wal");
        (await store.QueryOnWriterAsync("PRAGMA synchronous")).Should().Be(2L, "2 is FULL: every commit is fsync'd");
        (await store.QueryOnWriterAsync("PRAGMA foreign_keys")).Should().Be(1L);
        (await store.QueryOnWriterAsync("PRAGMA wal_autocheckpoint")).Should().Be(10_000L, "routine checkpoints run in the background");
    }

    [Fact]
    public async Task CommitAsync_ManyTransactions_CheckpointsInTheBackgroundAndKeepsEveryCommit()
    {
        var path = _directory.File("baton.db");
        var store = await StoreFactory.OpenAsync(path, _time);
        var runs = Enumerable.Range(0, 60).Select(_ => StoreTestData.WaitingRun(_time.GetUtcNow())).ToList();
        foreach (var run in runs)
        {
            await store.CommitAsync(StoreTestData.Insert(run), CancellationToken.None);
        }

        await store.DisposeAsync();

        store.CheckpointCount.Should().BeGreaterThanOrEqualTo(1, "60 transactions pass the background checkpoint's threshold, and disposal lets a due checkpoint finish");
        await using var reopened = await StoreFactory.OpenAsync(path, _time);
        (await reopened.ListRunsAsync(new RunQuery { Limit = 100 }, CancellationToken.None)).Should().HaveCount(60);
    }

    [Fact]
    public async Task DisposeAsync_WithWritesQueued_AppliesThemBeforeClosing()
    {
        var path = _directory.File("baton.db");
        var store = await StoreFactory.OpenAsync(path, _time);
        var runs = Enumerable.Range(0, 20).Select(_ => StoreTestData.WaitingRun(_time.GetUtcNow())).ToList();
        Task[] commits;
        using (var hold = await store.HoldWriterAsync())
        {
            commits = runs.Select(r => store.CommitAsync(StoreTestData.Insert(r), CancellationToken.None).AsTask()).ToArray();
            var disposing = store.DisposeAsync().AsTask();
            disposing.IsCompleted.Should().BeFalse("the writer is held");
            hold.Release();
            await disposing.WaitAsync(TimeSpan.FromSeconds(30));
        }

        commits.Should().OnlyContain(c => c.IsCompletedSuccessfully);
        await using var reopened = await StoreFactory.OpenAsync(path, _time);
        foreach (var run in runs)
        {
            (await reopened.GetRunAsync(run.Id, CancellationToken.None)).Should().NotBeNull();
        }
    }

    [Fact]
    public async Task DisposeAsync_Completed_ClosesEveryConnection()
    {
        var path = _directory.File("baton.db");
        var store = await StoreFactory.OpenAsync(path, _time);
        await store.CommitAsync(StoreTestData.Insert(StoreTestData.WaitingRun(_time.GetUtcNow())), CancellationToken.None);
        await store.GetRunAsync(StoreTestData.NewRunId(), CancellationToken.None);
        File.Exists(path + "-wal").Should().BeTrue();

        await store.DisposeAsync();

        File.Exists(path + "-wal").Should().BeFalse("SQLite checkpoints and removes the log when its last connection closes");
        using var other = RawDatabase.Open(path);
        other.Execute("PRAGMA busy_timeout = 0");
        other.Execute("BEGIN EXCLUSIVE");
        other.Execute("COMMIT");
    }
}

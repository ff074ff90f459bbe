using Baton.Sqlite.Tests.TestSupport;
using Baton.Storage;
using Baton.Store.Conformance;
using Baton.Testing;

namespace Baton.Sqlite.Tests;

/// <summary>Another process holding the file's lock, played by a plain connection that holds a transaction open.</summary>
public sealed class SqliteLockingTests : IDisposable
{
    private static readonly TimeSpan ShortBusyTimeout = TimeSpan.FromMilliseconds(200);

    private readonly TempDirectory _directory = new();
    private readonly ManualTimeProvider _time = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task InitializeAsync_StoreToMigrateLockedBeyondTheBusyTimeout_ThrowsLockedSayingAnotherProcessHoldsIt()
    {
        var path = _directory.File("baton.db");
        using var other = RawDatabase.Open(path);
        other.Scalar("PRAGMA journal_mode = WAL");
        other.Execute("BEGIN EXCLUSIVE");

        var act = () => StoreFactory.OpenAsync(path, _time, o => o.BusyTimeout = ShortBusyTimeout);

        var thrown = await act.Should().ThrowAsync<StoreException>();
        thrown.Which.Kind.Should().Be(StoreErrorKind.Locked);
        thrown.Which.IsTransient.Should().BeTrue();
        thrown.Which.Message.Should().Contain(path).And.Contain("another process").And.Contain("SqliteStoreOptions.BusyTimeout");
        thrown.Which.Problem.Should().Contain(path).And.NotContain("SqliteStoreOptions", "the problem alone leaves the advice to the host");
        thrown.Which.Advice.Should().Contain("SqliteStoreOptions.BusyTimeout");
        other.Execute("ROLLBACK");
    }

    [Fact]
    public async Task InitializeAsync_UpToDateStoreWhileAnotherProcessHoldsTheWriteLock_OpensAndReads()
    {
        var path = _directory.File("baton.db");
        RunRecord run;
        await using (var first = await StoreFactory.OpenAsync(path, _time))
        {
            run = StoreTestData.WaitingRun(_time.GetUtcNow());
            await first.CommitAsync(StoreTestData.Insert(run), CancellationToken.None);
        }

        using var other = RawDatabase.Open(path);
        other.Execute("BEGIN IMMEDIATE");

        await using var store = await StoreFactory.OpenAsync(path, _time, o => o.BusyTimeout = ShortBusyTimeout);
        var runs = await store.ListRunsAsync(new RunQuery(), CancellationToken.None);

        runs.Select(r => r.Id).Should().Equal(run.Id);
        other.Execute("ROLLBACK");
    }

    [Fact]
    public async Task CommitAsync_WriteLockHeldBeyondTheBusyTimeout_ThrowsLockedThenWorksOnceReleased()
    {
        var path = _directory.File("baton.db");
        await using var store = await StoreFactory.OpenAsync(path, _time, o => o.BusyTimeout = ShortBusyTimeout);
        var run = StoreTestData.WaitingRun(_time.GetUtcNow());
        using var other = RawDatabase.Open(path);
        other.Execute("BEGIN IMMEDIATE");

        var blocked = async () => await store.CommitAsync(StoreTestData.Insert(run), CancellationToken.None);

        (await blocked.Should().ThrowAsync<StoreException>()).Which.Kind.Should().Be(StoreErrorKind.Locked);
        (await store.GetRunAsync(run.Id, CancellationToken.None)).Should().BeNull();

        other.Execute("ROLLBACK");
        await store.CommitAsync(StoreTestData.Insert(run), CancellationToken.None);
        (await store.GetRunAsync(run.Id, CancellationToken.None)).Should().NotBeNull();
    }

    [Fact]
    public async Task GetRunAsync_WhileAnotherConnectionWrites_ReadsTheLastCommittedState()
    {
        var path = _directory.File("baton.db");
        await using var store = await StoreFactory.OpenAsync(path, _time, o => o.BusyTimeout = ShortBusyTimeout);
        var run = StoreTestData.WaitingRun(_time.GetUtcNow());
        await store.CommitAsync(StoreTestData.Insert(run), CancellationToken.None);
        using var other = RawDatabase.Open(path);
        other.Execute("BEGIN IMMEDIATE");
        other.Execute($"UPDATE runs SET workflow = 'uncommitted' WHERE id = '{run.Id}'");

        var read = await store.GetRunAsync(run.Id, CancellationToken.None);

        read!.WorkflowName.Should().Be("orders", "WAL readers see the last committed state and do not wait for writers");
        other.Execute("ROLLBACK");
    }

    [Fact]
    public async Task CommitAsync_LockReleasedWithinTheBusyTimeout_WaitsAndSucceeds()
    {
        var path = _directory.File("baton.db");
        await using var store = await StoreFactory.OpenAsync(path, _time, o => o.BusyTimeout = TimeSpan.FromSeconds(30));
        var run = StoreTestData.WaitingRun(_time.GetUtcNow());
        using var other = RawDatabase.Open(path);
        other.Execute("BEGIN IMMEDIATE");

        var commit = store.CommitAsync(StoreTestData.Insert(run), CancellationToken.None).AsTask();
        await Task.Yield();
        other.Execute("ROLLBACK");

        await commit.WaitAsync(TimeSpan.FromSeconds(30));
        (await store.GetRunAsync(run.Id, CancellationToken.None)).Should().NotBeNull();
    }
}

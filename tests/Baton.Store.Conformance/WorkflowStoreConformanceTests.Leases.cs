using Baton.Storage;

namespace Baton.Store.Conformance;

public abstract partial class WorkflowStoreConformanceTests
{
    [Fact]
    public async Task RenewLeasesAsync_SomeRunsTakenOver_ExtendsTheHeldAndReturnsTheLost()
    {
        var a = await InsertLeasedAsync("w1", Now.AddSeconds(30));
        var b = await InsertLeasedAsync("w1", Now.AddSeconds(30));
        var c = await InsertLeasedAsync("w1", Now.AddSeconds(30));
        (await Store.TryClaimRunAsync(c.Id, "w2", Now.AddSeconds(31), Now.AddMinutes(1), CancellationToken.None)).Should().BeTrue();

        var lost = await Store.RenewLeasesAsync("w1", [a.Id, b.Id, c.Id, StoreTestData.NewRunId()], Now.AddMinutes(2), CancellationToken.None);

        lost.Should().HaveCount(2).And.Contain(c.Id);
        (await StoredAsync(a.Id)).LeaseExpiresAt.Should().Be(Now.AddMinutes(2));
        (await StoredAsync(b.Id)).LeaseExpiresAt.Should().Be(Now.AddMinutes(2));
        (await StoredAsync(c.Id)).LeaseOwner.Should().Be("w2");
    }

    [Fact]
    public async Task RenewLeasesAsync_ExpiredButNotTakenOver_RenewsIt()
    {
        var run = await InsertLeasedAsync("w1", Now.AddSeconds(30));
        Time.Advance(TimeSpan.FromMinutes(1));

        var lost = await Store.RenewLeasesAsync("w1", [run.Id], Now.AddMinutes(5), CancellationToken.None);

        lost.Should().BeEmpty();
        (await StoredAsync(run.Id)).LeaseExpiresAt.Should().Be(Now.AddMinutes(5));
    }

    [Fact]
    public async Task ReleaseLeaseAsync_ByHolder_FreesTheRunAndKeepsTheRest()
    {
        var run = await InsertLeasedAsync("w1", Now.AddSeconds(30), readyAt: Now.AddMinutes(3));

        await Store.ReleaseLeaseAsync(run.Id, "w1", CancellationToken.None);

        var expected = run.Clone();
        expected.LeaseOwner = null;
        expected.LeaseExpiresAt = null;
        (await StoredAsync(run.Id)).ShouldMatch(expected);
    }

    [Fact]
    public async Task ReleaseLeaseAsync_WithASignalTheWorkerHasNotSeen_MakesTheRunReadyNow()
    {
        var run = await InsertLeasedAsync("w1", Now.AddSeconds(30));
        await Store.DeliverSignalAsync(StoreTestData.Signal(run.Id, Now), CancellationToken.None);
        var kept = run.Clone();
        kept.Status = RunStatus.Waiting;
        kept.ReadyAt = null;
        await Store.CommitAsync(StoreTestData.Update(kept, "w1"), CancellationToken.None);
        Time.Advance(TimeSpan.FromSeconds(1));

        await Store.ReleaseLeaseAsync(run.Id, "w1", CancellationToken.None);

        var stored = await StoredAsync(run.Id);
        stored.LeaseOwner.Should().BeNull();
        stored.ReadyAt.Should().Be(Now, "a signal above the run's watermark must not be missed once the run is free");
    }

    [Fact]
    public async Task ReleaseLeaseAsync_ByAnotherOwner_LeavesTheLease()
    {
        var run = await InsertLeasedAsync("w1", Now.AddSeconds(30));

        await Store.ReleaseLeaseAsync(run.Id, "w2", CancellationToken.None);

        (await StoredAsync(run.Id)).LeaseOwner.Should().Be("w1");
    }

    [Fact]
    public async Task GetLeaseHoldersAsync_SomeRunsLeased_ListsEachOwnerWithCountAndLatestExpiry()
    {
        await InsertLeasedAsync("w1", Now.AddSeconds(30));
        await InsertLeasedAsync("w1", Now.AddSeconds(90));
        await InsertLeasedAsync("w2", Now.AddSeconds(10));
        await InsertAsync(StoreTestData.WaitingRun(Now));

        var holders = await Store.GetLeaseHoldersAsync(CancellationToken.None);

        holders.Should().BeEquivalentTo(new[]
        {
            new LeaseHolder("w1", 2, Now.AddSeconds(90)),
            new LeaseHolder("w2", 1, Now.AddSeconds(10)),
        });
    }

    [Fact]
    public async Task ReleaseLeasesOfAsync_DeadOwner_ReleasesItsRunsAndMakesThemReadyNow()
    {
        var waiting = await InsertLeasedAsync("dead", Now.AddMinutes(1), readyAt: Now.AddHours(1));
        var earlier = await InsertLeasedAsync("dead", Now.AddMinutes(1), readyAt: Now.AddSeconds(-5));
        var ended = StoreTestData.WaitingRun(Now);
        ended.Status = RunStatus.Completed;
        ended.LeaseOwner = "dead";
        ended.LeaseExpiresAt = Now.AddMinutes(1);
        await InsertAsync(ended);
        var alive = await InsertLeasedAsync("alive", Now.AddMinutes(1));
        Time.Advance(TimeSpan.FromSeconds(3));

        var released = await Store.ReleaseLeasesOfAsync("dead", Now, CancellationToken.None);

        released.Should().Be(3);
        var stored = await StoredAsync(waiting.Id);
        stored.LeaseOwner.Should().BeNull();
        stored.LeaseExpiresAt.Should().BeNull();
        stored.ReadyAt.Should().Be(Now);
        (await StoredAsync(earlier.Id)).ReadyAt.Should().Be(T0.AddSeconds(-5));
        (await StoredAsync(ended.Id)).ReadyAt.Should().BeNull();
        (await StoredAsync(alive.Id)).LeaseOwner.Should().Be("alive");
        (await Store.ClaimRunsAsync("w3", Now, Now.AddMinutes(1), 10, CancellationToken.None))
            .Should().Equal(earlier.Id, waiting.Id);
    }

    [Fact]
    public async Task GetNextReadyAtAsync_NothingScheduled_ReturnsNull()
    {
        await InsertAsync(StoreTestData.WaitingRun(Now));

        (await Store.GetNextReadyAtAsync(Now, CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task GetNextReadyAtAsync_TimersAndReadyRuns_ReturnsTheEarliest()
    {
        await InsertAsync(StoreTestData.ReadyRun(Now, Now.AddMinutes(5)));
        await InsertAsync(StoreTestData.ReadyRun(Now, Now.AddMinutes(1)));

        (await Store.GetNextReadyAtAsync(Now, CancellationToken.None)).Should().Be(Now.AddMinutes(1));
    }

    [Fact]
    public async Task GetNextReadyAtAsync_EarliestRunLeased_SkipsItUntilItsLeaseExpires()
    {
        await InsertLeasedAsync("w1", Now.AddSeconds(30), readyAt: Now.AddSeconds(-10));
        await InsertAsync(StoreTestData.ReadyRun(Now, Now.AddMinutes(5)));
        var ended = StoreTestData.ReadyRun(Now, Now.AddSeconds(-20));
        ended.Status = RunStatus.Cancelled;
        await InsertAsync(ended);

        (await Store.GetNextReadyAtAsync(Now, CancellationToken.None)).Should().Be(Now.AddMinutes(5));
        (await Store.GetNextReadyAtAsync(Now.AddSeconds(30), CancellationToken.None)).Should().Be(Now.AddSeconds(-10));
    }
}

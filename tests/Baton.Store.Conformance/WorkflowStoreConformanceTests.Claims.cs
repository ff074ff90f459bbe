using System.Collections.Concurrent;
using Baton.Storage;

namespace Baton.Store.Conformance;

public abstract partial class WorkflowStoreConformanceTests
{
    [Fact]
    public async Task ClaimRunsAsync_ReadyRuns_ClaimsTheEarliestFirstUpToMax()
    {
        var second = await InsertAsync(StoreTestData.ReadyRun(Now, Now.AddSeconds(-2)));
        var third = await InsertAsync(StoreTestData.ReadyRun(Now, Now.AddSeconds(-1)));
        var first = await InsertAsync(StoreTestData.ReadyRun(Now, Now.AddSeconds(-3)));
        var fourth = await InsertAsync(StoreTestData.ReadyRun(Now, Now));

        var claimed = await Store.ClaimRunsAsync("w1", Now, Now.AddSeconds(30), 2, CancellationToken.None);
        var rest = await Store.ClaimRunsAsync("w2", Now, Now.AddSeconds(45), 10, CancellationToken.None);

        claimed.Should().Equal(first.Id, second.Id);
        rest.Should().Equal(third.Id, fourth.Id);
        var stored = await StoredAsync(first.Id);
        stored.LeaseOwner.Should().Be("w1");
        stored.LeaseExpiresAt.Should().Be(Now.AddSeconds(30));
        (await StoredAsync(fourth.Id)).LeaseOwner.Should().Be("w2");
    }

    [Fact]
    public async Task ClaimRunsAsync_RunsNotReadyYet_AreNotClaimed()
    {
        await InsertAsync(StoreTestData.ReadyRun(Now, Now.AddMilliseconds(1)));
        await InsertAsync(StoreTestData.WaitingRun(Now));

        (await Store.ClaimRunsAsync("w1", Now, Now.AddSeconds(30), 10, CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public async Task ClaimRunsAsync_LiveLease_SkipsTheRunUntilItExpires()
    {
        var run = await InsertLeasedAsync("w1", Now.AddSeconds(30), readyAt: Now.AddSeconds(-1));

        var whileLive = await Store.ClaimRunsAsync("w2", Now.AddSeconds(29), Now.AddMinutes(1), 10, CancellationToken.None);
        var atExpiry = await Store.ClaimRunsAsync("w2", Now.AddSeconds(30), Now.AddMinutes(1), 10, CancellationToken.None);

        whileLive.Should().BeEmpty();
        atExpiry.Should().Equal(run.Id);
        (await StoredAsync(run.Id)).LeaseOwner.Should().Be("w2");
    }

    [Fact]
    public async Task ClaimRunsAsync_EndedRunWithReadyTime_IsNotClaimed()
    {
        var run = StoreTestData.ReadyRun(Now, Now.AddSeconds(-1));
        run.Status = RunStatus.Completed;
        await InsertAsync(run);

        (await Store.ClaimRunsAsync("w1", Now, Now.AddSeconds(30), 10, CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public async Task ClaimRunsAsync_ManyConcurrentClaimers_ClaimEachRunOnce()
    {
        var runs = new List<RunRecord>();
        for (var i = 0; i < 300; i++)
        {
            runs.Add(StoreTestData.ReadyRun(Now, Now.AddMilliseconds(-i)));
        }

        await Store.CommitAsync(new RunCommit { Run = StoreTestData.WaitingRun(Now), IsNew = true, NewRuns = runs.Select(r => StoreTestData.Insert(r)).ToArray() }, CancellationToken.None);

        var claims = await ClaimConcurrentlyAsync(Enumerable.Repeat(Store, 6).ToArray());

        await AssertEachClaimedOnceAsync(claims, runs);
    }

    [Fact]
    public async Task ClaimRunsAsync_TwoStoresOnOneDatabase_ClaimEachRunOnce()
    {
        var other = await OpenStoreAsync();
        var runs = new List<RunRecord>();
        for (var i = 0; i < 200; i++)
        {
            runs.Add(StoreTestData.ReadyRun(Now, Now.AddMilliseconds(-i)));
        }

        await Store.CommitAsync(new RunCommit { Run = StoreTestData.WaitingRun(Now), IsNew = true, NewRuns = runs.Select(r => StoreTestData.Insert(r)).ToArray() }, CancellationToken.None);

        var claims = await ClaimConcurrentlyAsync([Store, other, Store, other]);

        await AssertEachClaimedOnceAsync(claims, runs);
    }

    [Fact]
    public async Task TryClaimRunAsync_FreeRunNotReady_ClaimsIt()
    {
        var run = await InsertAsync(StoreTestData.WaitingRun(Now));

        (await Store.TryClaimRunAsync(run.Id, "w1", Now, Now.AddSeconds(30), CancellationToken.None)).Should().BeTrue();

        var stored = await StoredAsync(run.Id);
        stored.LeaseOwner.Should().Be("w1");
        stored.LeaseExpiresAt.Should().Be(Now.AddSeconds(30));
    }

    [Fact]
    public async Task TryClaimRunAsync_HeldByAnotherLiveLease_ReturnsFalse()
    {
        var run = await InsertLeasedAsync("w1", Now.AddSeconds(30));

        (await Store.TryClaimRunAsync(run.Id, "w2", Now, Now.AddMinutes(1), CancellationToken.None)).Should().BeFalse();

        (await StoredAsync(run.Id)).LeaseOwner.Should().Be("w1");
    }

    [Fact]
    public async Task TryClaimRunAsync_HeldBySameOwner_ExtendsTheLease()
    {
        var run = await InsertLeasedAsync("w1", Now.AddSeconds(30));

        (await Store.TryClaimRunAsync(run.Id, "w1", Now, Now.AddMinutes(2), CancellationToken.None)).Should().BeTrue();

        (await StoredAsync(run.Id)).LeaseExpiresAt.Should().Be(Now.AddMinutes(2));
    }

    [Fact]
    public async Task TryClaimRunAsync_ExpiredLeaseOfAnother_TakesItOver()
    {
        var run = await InsertLeasedAsync("w1", Now.AddSeconds(30));

        (await Store.TryClaimRunAsync(run.Id, "w2", Now.AddSeconds(31), Now.AddMinutes(1), CancellationToken.None)).Should().BeTrue();

        (await StoredAsync(run.Id)).LeaseOwner.Should().Be("w2");
    }

    [Fact]
    public async Task TryClaimRunAsync_EndedOrUnknownRun_ReturnsFalse()
    {
        var ended = StoreTestData.WaitingRun(Now);
        ended.Status = RunStatus.Failed;
        await InsertAsync(ended);

        (await Store.TryClaimRunAsync(ended.Id, "w1", Now, Now.AddSeconds(30), CancellationToken.None)).Should().BeFalse();
        (await Store.TryClaimRunAsync(StoreTestData.NewRunId(), "w1", Now, Now.AddSeconds(30), CancellationToken.None)).Should().BeFalse();
        (await StoredAsync(ended.Id)).LeaseOwner.Should().BeNull();
    }

    private async Task<ConcurrentBag<(string Owner, RunId RunId)>> ClaimConcurrentlyAsync(IWorkflowStore[] stores)
    {
        var claims = new ConcurrentBag<(string Owner, RunId RunId)>();
        var now = Now;
        var claimers = stores.Select((store, i) => Task.Run(async () =>
        {
            var owner = $"worker-{i}";
            while (true)
            {
                var claimed = await store.ClaimRunsAsync(owner, now, now.AddMinutes(5), 7, CancellationToken.None);
                if (claimed.Count == 0)
                {
                    return;
                }

                foreach (var id in claimed)
                {
                    claims.Add((owner, id));
                }
            }
        }));
        await Task.WhenAll(claimers).WaitAsync(TimeSpan.FromMinutes(2));
        return claims;
    }

    private async Task AssertEachClaimedOnceAsync(ConcurrentBag<(string Owner, RunId RunId)> claims, List<RunRecord> runs)
    {
        claims.Select(c => c.RunId).Should().OnlyHaveUniqueItems("no two claimers may get the same run")
            .And.BeEquivalentTo(runs.Select(r => r.Id), "every ready run is claimed");
        foreach (var (owner, runId) in claims)
        {
            (await StoredAsync(runId)).LeaseOwner.Should().Be(owner);
        }
    }
}

using Baton.Storage;

namespace Baton.Store.Conformance;

public abstract partial class WorkflowStoreConformanceTests
{
    [Fact]
    public async Task DeliverSignalAsync_WaitingRun_StoresTheSignalAndMakesTheRunReadyNow()
    {
        var run = await InsertAsync(StoreTestData.WaitingRun(Now));
        Time.Advance(TimeSpan.FromSeconds(4));
        var signal = StoreTestData.Signal(run.Id, Now.AddMilliseconds(-250));

        var stored = await Store.DeliverSignalAsync(signal, CancellationToken.None);

        stored.Id.Should().BePositive();
        stored.ShouldMatch(signal with { Id = stored.Id });
        (await StoredAsync(run.Id)).ReadyAt.Should().Be(Now);
        (await Store.LoadRunAsync(run.Id, CancellationToken.None))!.PendingSignals.ShouldMatch(new[] { stored });
        (await Store.GetSignalsAsync(run.Id, CancellationToken.None)).ShouldMatch(new[] { stored });
    }

    [Fact]
    public async Task DeliverSignalAsync_SeveralRuns_AssignsIncreasingIds()
    {
        var a = await InsertAsync(StoreTestData.WaitingRun(Now));
        var b = await InsertAsync(StoreTestData.WaitingRun(Now));

        var ids = new List<long>();
        foreach (var runId in new[] { a.Id, b.Id, a.Id, b.Id })
        {
            ids.Add((await Store.DeliverSignalAsync(StoreTestData.Signal(runId, Now), CancellationToken.None)).Id);
        }

        ids.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        (await Store.GetSignalsAsync(a.Id, CancellationToken.None)).Select(s => s.Id).Should().Equal(ids[0], ids[2]);
    }

    [Fact]
    public async Task DeliverSignalAsync_RunAlreadyReadyEarlier_KeepsTheEarlierTime()
    {
        var run = await InsertAsync(StoreTestData.ReadyRun(Now, Now.AddSeconds(-30)));

        await Store.DeliverSignalAsync(StoreTestData.Signal(run.Id, Now), CancellationToken.None);

        (await StoredAsync(run.Id)).ReadyAt.Should().Be(Now.AddSeconds(-30));
    }

    [Fact]
    public async Task DeliverSignalAsync_RunOnALaterTimer_MakesItReadyNow()
    {
        var run = await InsertAsync(StoreTestData.ReadyRun(Now, Now.AddHours(1)));

        await Store.DeliverSignalAsync(StoreTestData.Signal(run.Id, Now), CancellationToken.None);

        (await StoredAsync(run.Id)).ReadyAt.Should().Be(Now);
    }

    [Fact]
    public async Task DeliverSignalAsync_EndedRun_ThrowsInvalidRunOperationAndStoresNothing()
    {
        var run = StoreTestData.WaitingRun(Now);
        run.Status = RunStatus.Completed;
        await InsertAsync(run);

        var act = async () => await Store.DeliverSignalAsync(StoreTestData.Signal(run.Id, Now), CancellationToken.None);

        (await act.Should().ThrowAsync<InvalidRunOperationException>()).Which.RunId.Should().Be(run.Id);
        (await Store.GetSignalsAsync(run.Id, CancellationToken.None)).Should().BeEmpty();
        (await StoredAsync(run.Id)).ReadyAt.Should().BeNull();
    }

    [Fact]
    public async Task DeliverSignalAsync_UnknownRun_ThrowsRunNotFound()
    {
        var runId = StoreTestData.NewRunId();

        var act = async () => await Store.DeliverSignalAsync(StoreTestData.Signal(runId, Now), CancellationToken.None);

        (await act.Should().ThrowAsync<RunNotFoundException>()).Which.RunId.Should().Be(runId);
    }

    [Fact]
    public async Task CommitAsync_ConsumedSignals_AreNoLongerPendingAndRecordTheirStep()
    {
        var run = await InsertLeasedAsync("w1", Now.AddMinutes(1));
        var first = await Store.DeliverSignalAsync(StoreTestData.Signal(run.Id, Now, "first"), CancellationToken.None);
        var second = await Store.DeliverSignalAsync(StoreTestData.Signal(run.Id, Now, "second"), CancellationToken.None);
        run.SignalWatermark = first.Id;

        await Store.CommitAsync(new RunCommit { Run = run, ExpectedLeaseOwner = "w1", Steps = [StoreTestData.Step(run.Id, 4, Now)], ConsumedSignals = [(first.Id, 4)] }, CancellationToken.None);

        (await Store.LoadRunAsync(run.Id, CancellationToken.None))!.PendingSignals.Select(s => s.Id).Should().Equal(second.Id);
        var all = await Store.GetSignalsAsync(run.Id, CancellationToken.None);
        all.Select(s => (s.Id, s.ConsumedBySeq)).Should().Equal((first.Id, 4L), (second.Id, null));
    }

    [Fact]
    public async Task GetPendingSignalsAsync_SomeConsumed_ReturnsOnlyTheUnconsumedWithTheirSenderAndTime()
    {
        var run = await InsertLeasedAsync("w1", Now.AddMinutes(1));
        var other = await InsertAsync(StoreTestData.WaitingRun(Now));
        var consumed = await Store.DeliverSignalAsync(StoreTestData.Signal(run.Id, Now, "consumed"), CancellationToken.None);
        Time.Advance(TimeSpan.FromSeconds(3));
        var pending = await Store.DeliverSignalAsync(StoreTestData.Signal(run.Id, Now, "mistyped") with { Actor = "user:bob" }, CancellationToken.None);
        await Store.DeliverSignalAsync(StoreTestData.Signal(other.Id, Now, "elsewhere"), CancellationToken.None);
        run.SignalWatermark = consumed.Id;
        await Store.CommitAsync(new RunCommit { Run = run, ExpectedLeaseOwner = "w1", Steps = [StoreTestData.Step(run.Id, 4, Now)], ConsumedSignals = [(consumed.Id, 4)] }, CancellationToken.None);

        var result = await Store.GetPendingSignalsAsync(run.Id, CancellationToken.None);

        result.ShouldMatch(new[] { pending });
        result.Single().Actor.Should().Be("user:bob");
        result.Single().CreatedAt.Should().Be(Now);
        (await Store.GetPendingSignalsAsync(StoreTestData.NewRunId(), CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public async Task CommitAsync_ConsumingASignalOfAnotherRun_ThrowsInvalidRunOperationAndAppliesNothing()
    {
        var other = await InsertAsync(StoreTestData.WaitingRun(Now));
        var signal = await Store.DeliverSignalAsync(StoreTestData.Signal(other.Id, Now), CancellationToken.None);
        var run = await InsertLeasedAsync("w1", Now.AddMinutes(1));

        var act = async () => await Store.CommitAsync(
            new RunCommit { Run = run, ExpectedLeaseOwner = "w1", Steps = [StoreTestData.Step(run.Id, 1, Now)], ConsumedSignals = [(signal.Id, 1)] },
            CancellationToken.None);

        await act.Should().ThrowAsync<InvalidRunOperationException>();
        (await Store.GetSignalsAsync(other.Id, CancellationToken.None)).Single().ConsumedBySeq.Should().BeNull();
        (await Store.GetStepExecutionsAsync(run.Id, CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public async Task CommitAsync_ReleasingWithASignalAboveTheWatermark_MakesTheRunReadyNow()
    {
        var run = await InsertLeasedAsync("w1", Now.AddMinutes(1));
        await Store.DeliverSignalAsync(StoreTestData.Signal(run.Id, Now), CancellationToken.None);
        Time.Advance(TimeSpan.FromSeconds(2));
        var parked = Park(run, watermark: 0, readyAt: null);

        await Store.CommitAsync(StoreTestData.Update(parked, "w1"), CancellationToken.None);

        (await StoredAsync(run.Id)).ReadyAt.Should().Be(Now, "the signal arrived while the worker held the run and it has not seen it");
    }

    [Fact]
    public async Task CommitAsync_ReleasingWithASignalAboveTheWatermarkAndAnEarlierTimer_KeepsTheTimer()
    {
        var run = await InsertLeasedAsync("w1", Now.AddMinutes(1));
        await Store.DeliverSignalAsync(StoreTestData.Signal(run.Id, Now), CancellationToken.None);
        Time.Advance(TimeSpan.FromSeconds(2));
        var parked = Park(run, watermark: 0, readyAt: T0.AddSeconds(1));

        await Store.CommitAsync(StoreTestData.Update(parked, "w1"), CancellationToken.None);

        (await StoredAsync(run.Id)).ReadyAt.Should().Be(T0.AddSeconds(1));
    }

    [Fact]
    public async Task CommitAsync_ReleasingWithEverySignalSeen_KeepsTheRecordsReadyTime()
    {
        var run = await InsertLeasedAsync("w1", Now.AddMinutes(1));
        var signal = await Store.DeliverSignalAsync(StoreTestData.Signal(run.Id, Now), CancellationToken.None);
        var parked = Park(run, watermark: signal.Id, readyAt: null);

        await Store.CommitAsync(StoreTestData.Update(parked, "w1"), CancellationToken.None);

        (await StoredAsync(run.Id)).ReadyAt.Should().BeNull();
    }

    [Fact]
    public async Task CommitAsync_KeepingTheLeaseWithAnUnseenSignal_WritesTheRecordsReadyTime()
    {
        var run = await InsertLeasedAsync("w1", Now.AddMinutes(1));
        await Store.DeliverSignalAsync(StoreTestData.Signal(run.Id, Now), CancellationToken.None);
        var next = run.Clone();
        next.ReadyAt = null;

        await Store.CommitAsync(StoreTestData.Update(next, "w1"), CancellationToken.None);

        (await StoredAsync(run.Id)).ReadyAt.Should().BeNull("the worker still holds the run and will look at its signals itself");
    }

    [Fact]
    public async Task CommitAsync_EndingTheRunWithAnUnseenSignal_LeavesItUnready()
    {
        var run = await InsertLeasedAsync("w1", Now.AddMinutes(1));
        await Store.DeliverSignalAsync(StoreTestData.Signal(run.Id, Now), CancellationToken.None);
        var ended = Park(run, watermark: 0, readyAt: null);
        ended.Status = RunStatus.Completed;
        ended.CompletedAt = Now;

        await Store.CommitAsync(StoreTestData.Update(ended, "w1"), CancellationToken.None);

        (await StoredAsync(run.Id)).ReadyAt.Should().BeNull();
    }

    /// <summary>The record a worker writes when it parks a run: waiting, lease released.</summary>
    private RunRecord Park(RunRecord run, long watermark, DateTimeOffset? readyAt)
    {
        var parked = run.Clone();
        parked.Status = RunStatus.Waiting;
        parked.SignalWatermark = watermark;
        parked.ReadyAt = readyAt;
        parked.LeaseOwner = null;
        parked.LeaseExpiresAt = null;
        parked.UpdatedAt = Now;
        return parked;
    }
}

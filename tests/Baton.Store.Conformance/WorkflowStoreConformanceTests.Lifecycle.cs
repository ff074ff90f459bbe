namespace Baton.Store.Conformance;

public abstract partial class WorkflowStoreConformanceTests
{
    [Fact]
    public async Task InitializeAsync_CalledAgain_KeepsTheStoreWorking()
    {
        var run = await InsertAsync(StoreTestData.WaitingRun(Now));

        await Store.InitializeAsync(CancellationToken.None);

        (await StoredAsync(run.Id)).Id.Should().Be(run.Id);
    }

    [Fact]
    public async Task DisposeAsync_AfterCommitsReturned_AnotherStoreSeesTheData()
    {
        var run = StoreTestData.FullRun(Now);
        var step = StoreTestData.FullStep(run.Id, 1, Now);
        await InsertAsync(run, step);

        await Store.DisposeAsync();
        var reopened = await OpenStoreAsync();

        (await StoredAsync(run.Id, reopened)).ShouldMatch(run);
        (await reopened.GetStepExecutionsAsync(run.Id, CancellationToken.None)).ShouldMatch(new[] { step });
    }

    [Fact]
    public async Task DisposeAsync_ThenAnyOperation_ThrowsObjectDisposed()
    {
        var run = await InsertAsync(StoreTestData.WaitingRun(Now));

        await Store.DisposeAsync();
        await Store.DisposeAsync();

        var commit = async () => await Store.CommitAsync(StoreTestData.Update(run, null), CancellationToken.None);
        var claim = async () => await Store.ClaimRunsAsync("w1", Now, Now.AddSeconds(30), 1, CancellationToken.None);
        var read = async () => await Store.GetRunAsync(run.Id, CancellationToken.None);
        var signal = async () => await Store.DeliverSignalAsync(StoreTestData.Signal(run.Id, Now), CancellationToken.None);
        await commit.Should().ThrowAsync<ObjectDisposedException>();
        await claim.Should().ThrowAsync<ObjectDisposedException>();
        await read.Should().ThrowAsync<ObjectDisposedException>();
        await signal.Should().ThrowAsync<ObjectDisposedException>();
    }

    [Fact]
    public async Task CommitAsync_CancelledBeforehand_ThrowsAndAppliesNothing()
    {
        var run = StoreTestData.WaitingRun(Now);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var act = async () => await Store.CommitAsync(StoreTestData.Insert(run), cancelled.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        (await Store.GetRunAsync(run.Id, CancellationToken.None)).Should().BeNull();
    }
}

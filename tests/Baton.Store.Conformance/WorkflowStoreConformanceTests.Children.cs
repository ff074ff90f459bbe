using Baton.Storage;

namespace Baton.Store.Conformance;

public abstract partial class WorkflowStoreConformanceTests
{
    [Fact]
    public async Task CommitAsync_NewRuns_InsertsEachChildWithItsStepsEventsAndDefinitions()
    {
        var parent = await InsertLeasedAsync("w1", Now.AddMinutes(1));
        var child = StoreTestData.ReadyRun(Now, Now, "child-flow");
        var grandchild = StoreTestData.ReadyRun(Now, Now, "grandchild-flow");
        var childDefinition = new DefinitionRecord("sha256-child-flow", "child-flow", "1", """{"name":"child-flow"}""", Now);
        var childStep = StoreTestData.Step(child.Id, 1, Now, StepStatus.Ready);
        var childEvent = StoreTestData.Event(child.Id, 1, Now, TimelineEventTypes.RunStarted);
        var commit = new RunCommit
        {
            Run = parent,
            ExpectedLeaseOwner = "w1",
            Steps = [StoreTestData.Step(parent.Id, 1, Now, StepStatus.Waiting)],
            NewRuns =
            [
                new RunCommit
                {
                    Run = child,
                    IsNew = true,
                    Steps = [childStep],
                    Events = [childEvent],
                    Definitions = [childDefinition],
                    NewRuns = [StoreTestData.Insert(grandchild)],
                },
            ],
        };

        await Store.CommitAsync(commit, CancellationToken.None);

        (await StoredAsync(child.Id)).ShouldMatch(child);
        (await StoredAsync(grandchild.Id)).ShouldMatch(grandchild);
        (await Store.GetStepExecutionsAsync(child.Id, CancellationToken.None)).ShouldMatch(new[] { childStep });
        (await Store.GetTimelineAsync(child.Id, CancellationToken.None)).ShouldMatch(new[] { childEvent });
        (await Store.GetDefinitionAsync(childDefinition.Hash, CancellationToken.None)).Should().Be(childDefinition);
        (await Store.GetStepExecutionsAsync(parent.Id, CancellationToken.None)).Should().ContainSingle();
    }

    [Fact]
    public async Task CommitAsync_OutgoingSignal_StoresItAndMakesTheTargetReady()
    {
        var parent = await InsertAsync(StoreTestData.WaitingRun(Now));
        var child = await InsertLeasedAsync("w1", Now.AddMinutes(1));
        Time.Advance(TimeSpan.FromSeconds(1));
        child.Status = RunStatus.Completed;
        child.LeaseOwner = null;
        child.LeaseExpiresAt = null;
        var done = StoreTestData.Signal(parent.Id, Now, "child.completed", SignalKind.ChildCompleted);

        await Store.CommitAsync(new RunCommit { Run = child, ExpectedLeaseOwner = "w1", OutgoingSignals = [done] }, CancellationToken.None);

        var pending = (await Store.LoadRunAsync(parent.Id, CancellationToken.None))!.PendingSignals;
        pending.Should().ContainSingle();
        pending[0].ShouldMatch(done with { Id = pending[0].Id });
        (await StoredAsync(parent.Id)).ReadyAt.Should().Be(Now);
    }

    [Fact]
    public async Task CommitAsync_OutgoingSignalToAnEndedRun_IsDropped()
    {
        var ended = StoreTestData.WaitingRun(Now);
        ended.Status = RunStatus.Cancelled;
        await InsertAsync(ended);
        var run = await InsertLeasedAsync("w1", Now.AddMinutes(1));
        run.Vars["sent"] = true;

        await Store.CommitAsync(
            new RunCommit { Run = run, ExpectedLeaseOwner = "w1", OutgoingSignals = [StoreTestData.Signal(ended.Id, Now, "cancel", SignalKind.Cancel)] },
            CancellationToken.None);

        (await Store.GetSignalsAsync(ended.Id, CancellationToken.None)).Should().BeEmpty();
        (await StoredAsync(ended.Id)).ReadyAt.Should().BeNull();
        (await StoredAsync(run.Id)).Vars["sent"]!.GetValue<bool>().Should().BeTrue("the rest of the commit applies");
    }

    [Fact]
    public async Task CommitAsync_OutgoingSignalToANewChildOfTheSameCommit_WakesTheChild()
    {
        var parent = await InsertLeasedAsync("w1", Now.AddMinutes(1));
        var child = StoreTestData.WaitingRun(Now, "child-flow");

        await Store.CommitAsync(
            new RunCommit
            {
                Run = parent,
                ExpectedLeaseOwner = "w1",
                NewRuns = [StoreTestData.Insert(child)],
                OutgoingSignals = [StoreTestData.Signal(child.Id, Now, "start")],
            },
            CancellationToken.None);

        (await Store.GetSignalsAsync(child.Id, CancellationToken.None)).Should().ContainSingle();
        (await StoredAsync(child.Id)).ReadyAt.Should().Be(Now);
    }

    [Fact]
    public async Task CommitAsync_OutgoingSignalToAnUnknownRun_ThrowsRunNotFoundAndAppliesNothing()
    {
        var run = await InsertLeasedAsync("w1", Now.AddMinutes(1));
        var next = run.Clone();
        next.Vars["sent"] = true;

        var act = async () => await Store.CommitAsync(
            new RunCommit { Run = next, ExpectedLeaseOwner = "w1", OutgoingSignals = [StoreTestData.Signal(StoreTestData.NewRunId(), Now)] },
            CancellationToken.None);

        await act.Should().ThrowAsync<RunNotFoundException>();
        (await StoredAsync(run.Id)).Vars.Should().BeEmpty();
    }
}

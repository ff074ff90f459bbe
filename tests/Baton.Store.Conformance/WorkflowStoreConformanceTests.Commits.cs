using System.Text.Json.Nodes;
using Baton.Storage;

namespace Baton.Store.Conformance;

public abstract partial class WorkflowStoreConformanceTests
{
    [Fact]
    public async Task CommitAsync_NewRun_RoundTripsEveryField()
    {
        var run = StoreTestData.FullRun(Now);
        var step = StoreTestData.FullStep(run.Id, 1, Now);
        var e = StoreTestData.Event(run.Id, 1, Now.AddMilliseconds(7)) with { Type = TimelineEventTypes.ApprovalRequested, Attempt = 2 };

        await Store.CommitAsync(new RunCommit { Run = run, IsNew = true, Steps = [step], Events = [e] }, CancellationToken.None);

        (await StoredAsync(run.Id)).ShouldMatch(run);
        (await Store.GetStepExecutionsAsync(run.Id, CancellationToken.None)).ShouldMatch(new[] { step });
        (await Store.GetTimelineAsync(run.Id, CancellationToken.None)).ShouldMatch(new[] { e });
        (await Store.LoadRunAsync(run.Id, CancellationToken.None)).ShouldMatch(new RunSnapshot(run, [step], []));
    }

    [Fact]
    public async Task CommitAsync_NewRunWithDefaults_RoundTrips()
    {
        var run = new RunRecord { Id = StoreTestData.NewRunId(), WorkflowName = "w", DefinitionHash = "h" };

        await InsertAsync(run);

        (await StoredAsync(run.Id)).ShouldMatch(run);
    }

    [Fact]
    public async Task CommitAsync_UpdateByLeaseHolder_ReplacesRecordUpsertsStepsAndAppendsEvents()
    {
        var run = await InsertLeasedAsync("w1", Now.AddMinutes(1));
        await Store.CommitAsync(
            new RunCommit { Run = run, IsNew = false, ExpectedLeaseOwner = "w1", Steps = [StoreTestData.Step(run.Id, 1, Now, StepStatus.Running)], Events = [StoreTestData.Event(run.Id, 1, Now)] },
            CancellationToken.None);
        Time.Advance(TimeSpan.FromSeconds(2));

        var next = run.Clone();
        next.Status = RunStatus.Completed;
        next.Vars = new JsonObject { ["done"] = true };
        next.Output = new JsonObject { ["total"] = 99 };
        next.UpdatedAt = Now;
        next.CompletedAt = Now;
        next.ReadyAt = null;
        next.LeaseOwner = null;
        next.LeaseExpiresAt = null;
        next.NextStepSeq = 3;
        next.NextEventSeq = 3;
        var completed = StoreTestData.Step(run.Id, 1, Now);
        var added = StoreTestData.Step(run.Id, 2, Now, StepStatus.Skipped);
        var e2 = StoreTestData.Event(run.Id, 2, Now, TimelineEventTypes.RunCompleted);
        await Store.CommitAsync(new RunCommit { Run = next, ExpectedLeaseOwner = "w1", Steps = [completed, added], Events = [e2] }, CancellationToken.None);

        (await StoredAsync(run.Id)).ShouldMatch(next);
        (await Store.GetStepExecutionsAsync(run.Id, CancellationToken.None)).ShouldMatch(new[] { completed, added });
        (await Store.GetTimelineAsync(run.Id, CancellationToken.None)).Select(t => t.Seq).Should().Equal(1, 2);
    }

    [Fact]
    public async Task CommitAsync_OtherLeaseOwner_ThrowsLeaseLostAndAppliesNothing()
    {
        var target = await InsertAsync(StoreTestData.WaitingRun(Now));
        var run = await InsertLeasedAsync("w1", Now.AddMinutes(1));
        var pending = await Store.DeliverSignalAsync(StoreTestData.Signal(run.Id, Now), CancellationToken.None);
        var changed = run.Clone();
        changed.Vars = new JsonObject { ["lost"] = true };
        changed.LeaseOwner = "w2";
        var child = StoreTestData.WaitingRun(Now);
        var commit = new RunCommit
        {
            Run = changed,
            ExpectedLeaseOwner = "w2",
            Steps = [StoreTestData.Step(run.Id, 1, Now)],
            Events = [StoreTestData.Event(run.Id, 1, Now)],
            ConsumedSignals = [(pending.Id, 1)],
            NewRuns = [StoreTestData.Insert(child)],
            OutgoingSignals = [StoreTestData.Signal(target.Id, Now)],
            Definitions = [new DefinitionRecord("sha256-lost", "child", null, "{}", Now)],
        };

        var act = async () => await Store.CommitAsync(commit, CancellationToken.None);

        var thrown = await act.Should().ThrowAsync<LeaseLostException>();
        thrown.Which.RunId.Should().Be(run.Id);
        thrown.Which.Owner.Should().Be("w2");
        (await StoredAsync(run.Id)).ShouldMatch(run);
        (await Store.GetStepExecutionsAsync(run.Id, CancellationToken.None)).Should().BeEmpty();
        (await Store.GetTimelineAsync(run.Id, CancellationToken.None)).Should().BeEmpty();
        (await Store.LoadRunAsync(run.Id, CancellationToken.None))!.PendingSignals.Select(s => s.Id).Should().Equal(pending.Id);
        (await Store.GetRunAsync(child.Id, CancellationToken.None)).Should().BeNull();
        (await Store.GetSignalsAsync(target.Id, CancellationToken.None)).Should().BeEmpty();
        (await Store.GetDefinitionAsync("sha256-lost", CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task CommitAsync_ExpiredLeaseTakenOver_OldHolderGetsLeaseLostAndNewHolderCommits()
    {
        var run = await InsertAsync(StoreTestData.ReadyRun(Now, Now));
        (await Store.ClaimRunsAsync("w1", Now, Now.AddSeconds(30), 1, CancellationToken.None)).Should().Equal(run.Id);
        Time.Advance(TimeSpan.FromMinutes(1));
        (await Store.ClaimRunsAsync("w2", Now, Now.AddSeconds(30), 1, CancellationToken.None)).Should().Equal(run.Id);

        var stale = run.Clone();
        stale.LeaseOwner = null;
        var staleCommit = async () => await Store.CommitAsync(StoreTestData.Update(stale, "w1"), CancellationToken.None);
        await staleCommit.Should().ThrowAsync<LeaseLostException>();

        var current = run.Clone();
        current.Status = RunStatus.Completed;
        current.LeaseOwner = null;
        current.LeaseExpiresAt = null;
        await Store.CommitAsync(StoreTestData.Update(current, "w2"), CancellationToken.None);
        (await StoredAsync(run.Id)).Status.Should().Be(RunStatus.Completed);
    }

    [Fact]
    public async Task CommitAsync_NoExpectedOwner_AppliesOnlyToARunNoLeaseHolds()
    {
        var free = await InsertAsync(StoreTestData.WaitingRun(Now));
        var held = await InsertLeasedAsync("w1", Now.AddMinutes(1));
        free.Status = RunStatus.Cancelled;
        held.Status = RunStatus.Cancelled;

        await Store.CommitAsync(StoreTestData.Update(free, null), CancellationToken.None);
        var act = async () => await Store.CommitAsync(StoreTestData.Update(held, null), CancellationToken.None);

        (await StoredAsync(free.Id)).Status.Should().Be(RunStatus.Cancelled);
        await act.Should().ThrowAsync<LeaseLostException>();
        (await StoredAsync(held.Id)).Status.Should().Be(RunStatus.Running);
    }

    [Fact]
    public async Task CommitAsync_UpdateOfUnknownRun_ThrowsRunNotFound()
    {
        var act = async () => await Store.CommitAsync(StoreTestData.Update(StoreTestData.WaitingRun(Now), null), CancellationToken.None);

        await act.Should().ThrowAsync<RunNotFoundException>();
    }

    [Fact]
    public async Task CommitAsync_InsertOfExistingRun_ThrowsInvalidRunOperationAndAppliesNothing()
    {
        var run = await InsertAsync(StoreTestData.WaitingRun(Now));
        var again = StoreTestData.WaitingRun(Now, "other", run.Id);

        var act = async () => await Store.CommitAsync(StoreTestData.Insert(again, StoreTestData.Step(run.Id, 1, Now)), CancellationToken.None);

        await act.Should().ThrowAsync<InvalidRunOperationException>().WithMessage($"*{run.Id}*");
        (await StoredAsync(run.Id)).WorkflowName.Should().Be("orders");
        (await Store.GetStepExecutionsAsync(run.Id, CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public async Task CommitAsync_EventSeqAlreadyStored_ThrowsInvalidRunOperationAndAppliesNothing()
    {
        var run = StoreTestData.WaitingRun(Now);
        await Store.CommitAsync(new RunCommit { Run = run, IsNew = true, Events = [StoreTestData.Event(run.Id, 1, Now)] }, CancellationToken.None);
        var next = run.Clone();
        next.Vars = new JsonObject { ["applied"] = true };

        var act = async () => await Store.CommitAsync(
            new RunCommit { Run = next, Steps = [StoreTestData.Step(run.Id, 1, Now)], Events = [StoreTestData.Event(run.Id, 1, Now)] },
            CancellationToken.None);

        await act.Should().ThrowAsync<InvalidRunOperationException>();
        (await StoredAsync(run.Id)).Vars.Should().BeEmpty();
        (await Store.GetStepExecutionsAsync(run.Id, CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public async Task CommitAsync_StepOfAnotherRun_ThrowsArgumentException()
    {
        var run = StoreTestData.WaitingRun(Now);

        var act = async () => await Store.CommitAsync(StoreTestData.Insert(run, StoreTestData.Step(StoreTestData.NewRunId(), 1, Now)), CancellationToken.None);

        await act.Should().ThrowAsync<ArgumentException>();
        (await Store.GetRunAsync(run.Id, CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task CommitAsync_ConcurrentCommitsSomeFencedOff_OnlyTheFencedOnesFail()
    {
        var runs = new List<RunRecord>();
        for (var i = 0; i < 40; i++)
        {
            runs.Add(await InsertLeasedAsync("w1", Now.AddMinutes(5)));
        }

        var commits = runs.Select((run, i) =>
        {
            var next = run.Clone();
            next.Vars = new JsonObject { ["i"] = i };
            var commit = new RunCommit { Run = next, ExpectedLeaseOwner = i % 3 == 0 ? "w-stale" : "w1", Steps = [StoreTestData.Step(run.Id, 1, Now)] };
            return Task.Run(async () => await Store.CommitAsync(commit, CancellationToken.None));
        }).ToArray();
        await Task.WhenAll(commits.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));

        for (var i = 0; i < runs.Count; i++)
        {
            var stored = await StoredAsync(runs[i].Id);
            var steps = await Store.GetStepExecutionsAsync(runs[i].Id, CancellationToken.None);
            if (i % 3 == 0)
            {
                commits[i].Exception!.InnerException.Should().BeOfType<LeaseLostException>();
                stored.Vars.Should().BeEmpty();
                steps.Should().BeEmpty();
            }
            else
            {
                commits[i].IsCompletedSuccessfully.Should().BeTrue($"commit {i} held the lease");
                stored.Vars["i"]!.GetValue<int>().Should().Be(i);
                steps.Should().ContainSingle();
            }
        }
    }
}

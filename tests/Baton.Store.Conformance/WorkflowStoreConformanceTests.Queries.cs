using Baton.Storage;

namespace Baton.Store.Conformance;

public abstract partial class WorkflowStoreConformanceTests
{
    [Fact]
    public async Task GetRunAsync_UnknownRun_ReturnsNullAndEmptyDetails()
    {
        var runId = StoreTestData.NewRunId();

        (await Store.GetRunAsync(runId, CancellationToken.None)).Should().BeNull();
        (await Store.LoadRunAsync(runId, CancellationToken.None)).Should().BeNull();
        (await Store.GetStepExecutionsAsync(runId, CancellationToken.None)).Should().BeEmpty();
        (await Store.GetTimelineAsync(runId, CancellationToken.None)).Should().BeEmpty();
        (await Store.GetSignalsAsync(runId, CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public async Task GetStepExecutionsAsync_StepsCommittedOutOfOrder_ReturnsThemInSeqOrder()
    {
        var run = StoreTestData.WaitingRun(Now);
        await InsertAsync(run, StoreTestData.Step(run.Id, 3, Now), StoreTestData.Step(run.Id, 1, Now));
        await Store.CommitAsync(new RunCommit { Run = run, Steps = [StoreTestData.Step(run.Id, 2, Now)] }, CancellationToken.None);

        (await Store.GetStepExecutionsAsync(run.Id, CancellationToken.None)).Select(s => s.Seq).Should().Equal(1, 2, 3);
        (await Store.LoadRunAsync(run.Id, CancellationToken.None))!.Steps.Select(s => s.Seq).Should().Equal(1, 2, 3);
    }

    [Fact]
    public async Task ListRunsAsync_NoFilter_ReturnsTheNewestFirstUpToTheLimit()
    {
        var runs = await InsertRunsCreatedAtAsync(0, 1, 2, 3, 4);

        var listed = await Store.ListRunsAsync(new RunQuery { Limit = 3 }, CancellationToken.None);

        listed.Select(r => r.Id).Should().Equal(runs[4].Id, runs[3].Id, runs[2].Id);
        listed[0].ShouldMatch(runs[4]);
    }

    [Fact]
    public async Task ListRunsAsync_StatusAndWorkflowFilters_ReturnOnlyMatchingRuns()
    {
        var a = await InsertAsync(StoreTestData.WaitingRun(Now, "alpha"));
        var b = await InsertAsync(StoreTestData.ReadyRun(Now.AddSeconds(1), Now, "alpha"));
        var c = await InsertAsync(StoreTestData.WaitingRun(Now.AddSeconds(2), "beta"));

        (await Store.ListRunsAsync(new RunQuery { Status = RunStatus.Waiting }, CancellationToken.None)).Select(r => r.Id).Should().Equal(c.Id, a.Id);
        (await Store.ListRunsAsync(new RunQuery { WorkflowName = "alpha" }, CancellationToken.None)).Select(r => r.Id).Should().Equal(b.Id, a.Id);
        (await Store.ListRunsAsync(new RunQuery { WorkflowName = "alpha", Status = RunStatus.Waiting }, CancellationToken.None)).Select(r => r.Id).Should().Equal(a.Id);
        (await Store.ListRunsAsync(new RunQuery { WorkflowName = "gamma" }, CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public async Task ListRunsAsync_PagingWithBeforeThroughEqualCreationTimes_VisitsEveryRunOnceNewestFirst()
    {
        var runs = await InsertRunsCreatedAtAsync(0, 1, 1, 1, 2, 3, 3, 4);
        var visited = new List<RunRecord>();
        RunId? before = null;
        while (true)
        {
            var page = await Store.ListRunsAsync(new RunQuery { Limit = 3, Before = before }, CancellationToken.None);
            if (page.Count == 0)
            {
                break;
            }

            visited.AddRange(page);
            before = page[^1].Id;
        }

        visited.Select(r => r.Id).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(runs.Select(r => r.Id));
        visited.Select(r => r.CreatedAt).Should().BeInDescendingOrder();
    }

    [Fact]
    public async Task ListRunsAsync_BeforeAnUnknownRun_ThrowsRunNotFound()
    {
        var act = async () => await Store.ListRunsAsync(new RunQuery { Before = StoreTestData.NewRunId() }, CancellationToken.None);

        await act.Should().ThrowAsync<RunNotFoundException>();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task ListRunsAsync_LimitBelowOne_ThrowsArgumentOutOfRange(int limit)
    {
        var act = async () => await Store.ListRunsAsync(new RunQuery { Limit = limit }, CancellationToken.None);

        await act.Should().ThrowAsync<ArgumentOutOfRangeException>().WithMessage("*RunQuery.Limit*");
    }

    private async Task<List<RunRecord>> InsertRunsCreatedAtAsync(params int[] seconds)
    {
        var runs = new List<RunRecord>();
        foreach (var s in seconds)
        {
            runs.Add(await InsertAsync(StoreTestData.WaitingRun(T0.AddSeconds(s))));
        }

        return runs;
    }
}

using System.Text.Json.Nodes;
using Baton.Core.Tests.Engine.Support;
using Baton.Engine;
using Baton.Storage;

namespace Baton.Core.Tests.Engine;

public sealed class EngineApprovalTests
{
    private const string Review = """
        name: review
        steps:
          - id: draft
            probe: { output: { summary: "Draft", score: 7 } }
          - id: review
            approval:
              title: "Approve ${{ steps.draft.output.summary }}?"
              data: ${{ steps.draft.output }}
              assignees: [role:strategist]
              editable: [summary]
            on-error: { goto: rework }
          - id: publish
            probe: { output: "${{ steps.review.output.data.summary }} by ${{ steps.review.output.by }}" }
          - id: rework
            if: steps.review.status == 'failed'
            probe: { output: "rework: ${{ steps.review.error.message }}" }
        outputs: { publish: "${{ steps.publish.output }}", rework: "${{ steps.rework.output }}" }
        """;

    [Fact]
    public async Task DecideAsync_Approve_CompletesTheStepWithTheEditedDataAndWhoDecided()
    {
        await using var h = await EngineHarness.CreateAsync();
        var waiting = await h.RunAsync(Review);
        waiting.Status.Should().Be(RunStatus.Waiting);
        var request = await h.StepAsync(waiting.RunId, "review");
        request.State!["title"]!.GetValue<string>().Should().Be("Approve Draft?");
        request.State!["assignees"]![0]!.GetValue<string>().Should().Be("role:strategist");

        var result = await h.Engine.DecideAsync(waiting.RunId, "review",
            new ApprovalDecision(true, "ana", "Tightened it", new JsonObject { ["summary"] = "Final", ["score"] = 7 }));

        result.Status.Should().Be(RunStatus.Completed);
        result.Output!["publish"]!.GetValue<string>().Should().Be("Final by user:ana");
        var step = await h.StepAsync(waiting.RunId, "review");
        step.Actor.Should().Be("user:ana");
        step.Output!["comment"]!.GetValue<string>().Should().Be("Tightened it");
        var decided = (await h.DetailsAsync(waiting.RunId)).Timeline.Single(e => e.Type == TimelineEventTypes.ApprovalDecided);
        decided.Actor.Should().Be("user:ana");
    }

    [Fact]
    public async Task DecideAsync_Reject_RoutesByOnError()
    {
        await using var h = await EngineHarness.CreateAsync();
        var waiting = await h.RunAsync(Review);

        var result = await h.Engine.DecideAsync(waiting.RunId, "review", new ApprovalDecision(false, "ana", "Numbers are off"));

        result.Status.Should().Be(RunStatus.Completed);
        result.Output!["rework"]!.GetValue<string>().Should().Be("rework: Rejected by user:ana: Numbers are off");
        result.Output!["publish"].Should().BeNull();
        (await h.StepAsync(waiting.RunId, "review")).Error!.Code.Should().Be("approval.rejected");
    }

    [Fact]
    public async Task DecideAsync_RejectWithoutOnError_FailsTheRun()
    {
        await using var h = await EngineHarness.CreateAsync();
        var waiting = await h.RunAsync("""
            name: strict
            steps:
              - id: gate
                approval: {}
            """);

        var result = await h.Engine.DecideAsync(waiting.RunId, "gate", new ApprovalDecision(false, "lee"));
        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Code.Should().Be("approval.rejected");
    }

    [Fact]
    public async Task DecideAsync_EditOfAFieldThatIsNotEditable_IsRefusedAndNothingIsDecided()
    {
        await using var h = await EngineHarness.CreateAsync();
        var waiting = await h.RunAsync(Review);

        var act = () => h.Engine.DecideAsync(waiting.RunId, "review",
            new ApprovalDecision(true, "ana", null, new JsonObject { ["summary"] = "x", ["score"] = 10 }));

        (await act.Should().ThrowAsync<InvalidRunOperationException>()).Which.Message.Should().Contain("'score'");
        (await h.StepAsync(waiting.RunId, "review")).Status.Should().Be(StepStatus.Waiting);
    }

    [Fact]
    public async Task DecideAsync_NoSuchApproval_ListsTheOnesWaiting()
    {
        await using var h = await EngineHarness.CreateAsync();
        var waiting = await h.RunAsync(Review);

        var act = () => h.Engine.DecideAsync(waiting.RunId, "reveiw", new ApprovalDecision(true, "ana"));

        (await act.Should().ThrowAsync<InvalidRunOperationException>()).Which.Message.Should().Contain("'review'");
    }

    [Fact]
    public async Task Approval_TimeoutPasses_FailsWithTimeout()
    {
        await using var h = await EngineHarness.CreateAsync(manualTime: true);
        var waiting = await h.RunAsync("""
            name: sla
            steps:
              - id: gate
                approval: { title: Quick }
                timeout: 2h
            """);

        h.Time!.Advance(TimeSpan.FromHours(2));
        await h.Engine.RunWorkerAsync(untilIdle: true);
        var result = await h.Engine.DriveAsync(waiting.RunId);

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Code.Should().Be("timeout");
    }

    [Fact]
    public async Task ApprovalTimeout_WithRetry_IsRequestedAgain()
    {
        await using var h = await EngineHarness.CreateAsync(manualTime: true);
        var waiting = await h.RunAsync("""
            name: ask
            steps:
              - id: review
                approval: { title: Approve? }
                timeout: 1h
                retry: { attempts: 2, delay: 1m }
            """);

        h.Time!.Advance(TimeSpan.FromHours(1));
        await h.Engine.RunWorkerAsync(untilIdle: true);
        h.Time.Advance(TimeSpan.FromMinutes(1));
        await h.Engine.RunWorkerAsync(untilIdle: true);

        var step = await h.StepAsync(waiting.RunId, "review");
        step.Status.Should().Be(StepStatus.Waiting);
        step.Attempts.Should().Be(2);
        (await h.DetailsAsync(waiting.RunId)).Timeline.Count(e => e.Type == TimelineEventTypes.ApprovalRequested).Should().Be(2);
        var decided = await h.Engine.DecideAsync(waiting.RunId, "review", new ApprovalDecision(true, "ana"));
        decided.Status.Should().Be(RunStatus.Completed);
    }

    [Fact]
    public async Task DecideAsync_EditWithOnlyTheEditableField_IsMergedOverTheDataAndKeepsTheOtherFields()
    {
        await using var h = await EngineHarness.CreateAsync();
        var waiting = await h.RunAsync(Review);

        var result = await h.Engine.DecideAsync(waiting.RunId, "review",
            new ApprovalDecision(true, "ana", null, new JsonObject { ["summary"] = "Final" }));

        result.Status.Should().Be(RunStatus.Completed);
        var data = (await h.StepAsync(waiting.RunId, "review")).Output!["data"]!;
        data["summary"]!.GetValue<string>().Should().Be("Final");
        data["score"]!.GetValue<int>().Should().Be(7, "a field the edit leaves out keeps its value");
    }

    [Fact]
    public async Task DecideAsync_EditThatNullsAFieldThatIsNotEditable_IsRefusedNamingIt()
    {
        await using var h = await EngineHarness.CreateAsync();
        var waiting = await h.RunAsync(Review);

        var act = () => h.Engine.DecideAsync(waiting.RunId, "review",
            new ApprovalDecision(true, "ana", null, new JsonObject { ["summary"] = "x", ["score"] = null }));

        (await act.Should().ThrowAsync<InvalidRunOperationException>()).Which.Message.Should().Contain("changes 'score'");
        (await h.StepAsync(waiting.RunId, "review")).Status.Should().Be(StepStatus.Waiting);
    }

    [Fact]
    public async Task DecideAsync_ThreeDecisionsAtOnce_ExactlyOneAppliesAndTheOthersAreToldWhoDecided()
    {
        await using var h = await EngineHarness.CreateAsync();
        var waiting = await h.RunAsync("""
            name: race
            steps:
              - id: review
                approval: { title: Go? }
            """);
        using var start = new ManualResetEventSlim();
        var deciders = new[] { "ana", "lee", "kim" };
        var calls = deciders.Select(by => Task.Run(async () =>
        {
            start.Wait();
            await h.Engine.DecideAsync(waiting.RunId, "review", new ApprovalDecision(by != "kim", by));
        })).ToList();

        start.Set();
        var outcomes = await Task.WhenAll(calls.Select(async c =>
        {
            try
            {
                await c;
                return null;
            }
            catch (InvalidRunOperationException ex)
            {
                return ex.Message;
            }
        }));

        outcomes.Count(o => o is null).Should().Be(1, "exactly one decision applies");
        var step = await h.StepAsync(waiting.RunId, "review");
        var winner = step.Actor!;
        outcomes.Where(o => o is not null).Should().HaveCount(2)
            .And.OnlyContain(o => o!.Contains($"the approval was already decided by {winner}"));
        var details = await h.DetailsAsync(waiting.RunId);
        details.Timeline.Count(e => e.Type == TimelineEventTypes.ApprovalDecided).Should().Be(1);
        // A decision that reached the store was consumed and recorded as refused; one sent after the run ended was refused at once.
        var refused = details.Timeline.Where(e => e.Type == TimelineEventTypes.SignalReceived && e.Data?["refused"]?.GetValue<bool>() == true).ToList();
        refused.Select(e => e.Actor).Should().NotContain(winner).And.OnlyHaveUniqueItems();
        details.PendingSignals.Should().BeEmpty("every decision that reached the run is consumed, applied or refused");
    }

    [Fact]
    public async Task Drive_TwoDecisionsStoredForOneApproval_TheFirstAppliesAndTheSecondIsConsumedAndRecordedAsRefused()
    {
        await using var h = await EngineHarness.CreateAsync();
        var waiting = await h.RunAsync("""
            name: two-decisions
            steps:
              - id: review
                approval: { title: Go? }
              - id: next
                approval: { title: And then? }
            """);
        foreach (var (by, approved) in new[] { ("user:ana", true), ("user:lee", false) })
        {
            await h.Store.DeliverSignalAsync(new SignalRecord
            {
                RunId = waiting.RunId,
                Kind = SignalKind.Approval,
                Name = approved ? "approve" : "reject",
                Target = "review",
                Actor = by,
                CreatedAt = DateTimeOffset.UtcNow,
                Data = new JsonObject { ["approved"] = approved },
            }, CancellationToken.None);
        }

        var result = await h.Engine.DriveAsync(waiting.RunId);

        result.Status.Should().Be(RunStatus.Waiting, "the run went on to the next approval");
        (await h.StepAsync(waiting.RunId, "review")).Actor.Should().Be("user:ana");
        var details = await h.DetailsAsync(waiting.RunId);
        details.PendingSignals.Should().BeEmpty();
        var refusal = details.Timeline.Single(e => e.Type == TimelineEventTypes.SignalReceived);
        refusal.Actor.Should().Be("user:lee");
        refusal.Path.Should().Be("review");
        refusal.Data!["refused"]!.GetValue<bool>().Should().BeTrue();
        refusal.Data!["sentBy"]!.GetValue<string>().Should().Be("user:lee");
        refusal.Message.Should().Contain("the approval was already decided by user:ana (approved)");
    }

    [Fact]
    public async Task DecideAsync_AfterTheApprovalWasDecided_IsRefusedNamingWhoDecided()
    {
        await using var h = await EngineHarness.CreateAsync();
        var waiting = await h.RunAsync(Review);
        await h.Engine.DecideAsync(waiting.RunId, "review", new ApprovalDecision(true, "ana"));

        var late = () => h.Engine.DecideAsync(waiting.RunId, "review", new ApprovalDecision(false, "lee"));

        (await late.Should().ThrowAsync<InvalidRunOperationException>()).Which.Message.Should().Contain("the approval was already decided by user:ana (approved)");
    }
}

using System.Text.Json.Nodes;
using Baton.Core.Tests.Engine.Support;
using Baton.Definitions;
using Baton.Engine;
using Baton.Storage;

namespace Baton.Core.Tests.Engine;

/// <summary>
/// <c>retry</c> on the steps the engine runs itself (<c>set</c>, <c>fail</c>, <c>wait</c>, <c>approval</c>, <c>workflow</c>):
/// their failures go through the same policy as an action step's, <c>on</c> included.
/// </summary>
public sealed class EngineRetryKindsTests
{
    [Fact]
    public async Task RunAsync_SetExpressionErrorWithRetryOnExpression_IsRetried()
    {
        await using var h = await EngineHarness.CreateAsync();
        var result = await h.RunAsync("""
            name: set-retry
            steps:
              - id: compute
                set: { x: "${{ inputs.a < 1 }}" }
                retry: { attempts: 3, delay: 0s, on: [expression] }
            """, new JsonObject { ["a"] = "text" });

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Code.Should().Be("expression");
        (await h.StepAsync(result.RunId, "compute")).Attempts.Should().Be(3);
        (await h.DetailsAsync(result.RunId)).Timeline.Count(e => e.Type == TimelineEventTypes.StepRetryScheduled).Should().Be(2);
    }

    [Fact]
    public async Task RunAsync_SetExpressionErrorWithRetryWithoutOn_IsNotRetried()
    {
        await using var h = await EngineHarness.CreateAsync();
        var result = await h.RunAsync("""
            name: set-no-retry
            steps:
              - id: compute
                set: { x: "${{ inputs.a < 1 }}" }
                retry: { attempts: 3, delay: 0s }
            """, new JsonObject { ["a"] = "text" });

        result.Status.Should().Be(RunStatus.Failed);
        (await h.StepAsync(result.RunId, "compute")).Attempts.Should().Be(1);
    }

    [Fact]
    public async Task RunAsync_FailStepWithRetryOnItsCode_IsRetriedThenRoutedByOnError()
    {
        await using var h = await EngineHarness.CreateAsync();
        var result = await h.RunAsync("""
            name: fail-retry
            steps:
              - id: give-up
                fail: { message: "No data", code: data.missing }
                retry: { attempts: 2, delay: 0s, on: [data.missing] }
                on-error: continue
            outputs: { code: "${{ steps.give-up.error.code }}", attempts: "${{ steps.give-up.attempts }}" }
            """);

        result.Status.Should().Be(RunStatus.Completed);
        result.Output!["code"]!.GetValue<string>().Should().Be("data.missing");
        result.Output!["attempts"]!.GetValue<int>().Should().Be(2);
    }

    [Fact]
    public async Task RunAsync_WaitWithBadConfigAndRetryOnConfigInvalid_IsRetried()
    {
        await using var h = await EngineHarness.CreateAsync();
        var result = await h.RunAsync("""
            name: wait-retry
            steps:
              - id: pause
                wait: { for: "${{ inputs.d }}" }
                retry: { attempts: 2, delay: 0s, on: [config.invalid] }
            """, new JsonObject { ["d"] = "soon" });

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Code.Should().Be("config.invalid");
        (await h.StepAsync(result.RunId, "pause")).Attempts.Should().Be(2);
    }

    [Fact]
    public async Task DecideAsync_RejectedApprovalWithRetryOnRejected_AsksAgain()
    {
        await using var h = await EngineHarness.CreateAsync();
        var waiting = await h.RunAsync("""
            name: ask-again
            steps:
              - id: review
                approval: { title: Ship it? }
                retry: { attempts: 2, delay: 0s, on: [approval.rejected] }
            outputs: ${{ steps.review.output.by }}
            """);

        var afterReject = await h.Engine.DecideAsync(waiting.RunId, "review", new ApprovalDecision(false, "ana", "Not yet"));

        afterReject.Status.Should().Be(RunStatus.Waiting);
        var step = await h.StepAsync(waiting.RunId, "review");
        step.Status.Should().Be(StepStatus.Waiting);
        step.Attempts.Should().Be(2);
        (await h.DetailsAsync(waiting.RunId)).Timeline.Count(e => e.Type == TimelineEventTypes.ApprovalRequested).Should().Be(2);
        var approved = await h.Engine.DecideAsync(waiting.RunId, "review", new ApprovalDecision(true, "lee"));
        approved.Status.Should().Be(RunStatus.Completed);
        approved.Output!.GetValue<string>().Should().Be("user:lee");
    }

    [Fact]
    public async Task RunAsync_WorkflowStepWithRetryOnWorkflowFailed_StartsAFreshChildRunPerAttempt()
    {
        await using var h = await EngineHarness.CreateAsync();
        h.Write("childfail.yaml", """
            name: childfail
            steps:
              - id: boom
                fail: Child broke
            """);
        var result = await h.RunAsync("""
            name: parent
            steps:
              - id: call
                workflow: { path: ./childfail.yaml }
                retry: { attempts: 3, delay: 0s, on: [workflow.failed] }
            """);

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Code.Should().Be("workflow.failed");
        (await h.StepAsync(result.RunId, "call")).Attempts.Should().Be(3);
        var children = (await h.Store.ListRunsAsync(new RunQuery(), CancellationToken.None)).Where(r => r.ParentRunId == result.RunId).ToList();
        children.Should().HaveCount(3);
        children.Should().OnlyContain(r => r.Status == RunStatus.Failed);
    }

    [Fact]
    public async Task WorkflowStepTimeout_Passes_FailsWithTimeoutAndCancelsTheChild()
    {
        await using var h = await EngineHarness.CreateAsync(manualTime: true);
        h.Write("slow.yaml", """
            name: slow
            steps:
              - id: hold
                approval: { title: Never decided }
            """);
        var waiting = await h.RunAsync("""
            name: parent
            steps:
              - id: call
                workflow: { path: ./slow.yaml }
                timeout: 1h
            """);
        waiting.Status.Should().Be(RunStatus.Waiting);
        var child = (await h.Store.ListRunsAsync(new RunQuery(), CancellationToken.None)).Single(r => r.ParentRunId == waiting.RunId);

        h.Time!.Advance(TimeSpan.FromHours(1));
        await h.Engine.RunWorkerAsync(untilIdle: true);

        var result = await h.Engine.DriveAsync(waiting.RunId);
        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Code.Should().Be("timeout");
        (await h.Store.GetRunAsync(child.Id, CancellationToken.None))!.Status.Should().Be(RunStatus.Cancelled);
    }

    [Theory]
    [InlineData("steps: [{ id: a, set: { a: 1 } }]", "steps")]
    [InlineData("parallel: [{ id: a, set: { a: 1 } }]", "parallel")]
    public async Task Load_RetryOnAContainer_IsADefinitionErrorThatSaysWhatToDoInstead(string body, string kind)
    {
        await using var h = await EngineHarness.CreateAsync();
        var definitionError = Assert.Throws<WorkflowDefinitionException>(() => h.Load($$"""
            name: retry-container
            steps:
              - id: group
                retry: { attempts: 2 }
                {{body}}
            """));

        var diagnostic = definitionError.Diagnostics.Should().ContainSingle().Which;
        diagnostic.Code.Should().Be("BATON032");
        diagnostic.Message.Should().Contain($"'retry' cannot be set on a {kind} step").And.Contain("child workflow").And.Contain("'workflow' step");
    }
}

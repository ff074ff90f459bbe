using System.Text.Json.Nodes;
using Baton.Core.Tests.Engine.Support;
using Baton.Storage;

namespace Baton.Core.Tests.Engine;

public sealed class EngineChildWorkflowTests
{
    private const string Child = """
        name: notify
        inputs:
          type: object
          required: [owner]
          properties: { owner: { type: string } }
        steps:
          - id: send
            probe: { name: send, output: "sent to ${{ inputs.owner }}" }
          - id: confirm
            wait: { event: delivered }
        outputs: { sent: "${{ steps.send.output }}", receipt: "${{ steps.confirm.output.data.id }}" }
        """;

    private const string Parent = """
        name: parent
        steps:
          - id: notify-owner
            workflow:
              path: ./child.yaml
              inputs: { owner: dana }
          - id: after
            probe: { output: "${{ steps.notify-owner.output.sent }} / ${{ steps.notify-owner.output.receipt }}" }
        outputs: ${{ steps.after.output }}
        """;

    [Fact]
    public async Task RunAsync_WorkflowStep_RunsAChildRunAndTakesItsOutput()
    {
        await using var h = await EngineHarness.CreateAsync();
        h.Write("child.yaml", Child);
        var waiting = await h.RunAsync(Parent);

        waiting.Status.Should().Be(RunStatus.Waiting);
        var children = await h.Store.ListRunsAsync(new RunQuery { WorkflowName = "notify" }, CancellationToken.None);
        var child = children.Should().ContainSingle().Subject;
        child.ParentRunId.Should().Be(waiting.RunId);
        child.Status.Should().Be(RunStatus.Waiting);

        var childResult = await h.Engine.SignalAsync(child.Id, "delivered", new JsonObject { ["id"] = "r-9" });
        childResult.Status.Should().Be(RunStatus.Completed);

        var parent = await h.Store.GetRunAsync(waiting.RunId, CancellationToken.None);
        parent!.Status.Should().Be(RunStatus.Completed, "the child's end drives its parent forward in the same call");
        parent.Output!.GetValue<string>().Should().Be("sent to dana / r-9");
    }

    [Fact]
    public async Task RunAsync_ChildIsPinnedWithTheParent_EditingTheChildFileLaterChangesNothing()
    {
        await using var h = await EngineHarness.CreateAsync();
        h.Write("child.yaml", Child);
        var definition = h.Load(Parent);
        h.Write("child.yaml", Child.Replace("sent to", "CHANGED", StringComparison.Ordinal));

        var waiting = await h.Engine.RunAsync(definition);
        var child = (await h.Store.ListRunsAsync(new RunQuery { WorkflowName = "notify" }, CancellationToken.None)).Single();
        await h.Engine.SignalAsync(child.Id, "delivered", new JsonObject { ["id"] = "r-1" });

        var parent = await h.Store.GetRunAsync(waiting.RunId, CancellationToken.None);
        parent!.Output!.GetValue<string>().Should().StartWith("sent to dana");
    }

    [Fact]
    public async Task RunAsync_ChildFails_FailsTheParentStep()
    {
        await using var h = await EngineHarness.CreateAsync();
        h.Write("child.yaml", """
            name: broken
            steps:
              - id: boom
                fail: "The child could not finish"
            """);
        var result = await h.RunAsync("""
            name: parent
            steps:
              - id: call
                workflow: { path: ./child.yaml }
            """);

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Code.Should().Be("workflow.failed");
        result.Error.Message.Should().Contain("The child could not finish");
    }

    [Fact]
    public async Task RunAsync_ChildInputsInvalid_FailsTheStepWithoutStartingAChild()
    {
        await using var h = await EngineHarness.CreateAsync();
        h.Write("child.yaml", Child);
        var result = await h.RunAsync("""
            name: parent
            steps:
              - id: call
                workflow: { path: ./child.yaml, inputs: { owner: "${{ 40 + 2 }}" } }
            """);

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Code.Should().Be("workflow.inputs");
        (await h.Store.ListRunsAsync(new RunQuery { WorkflowName = "notify" }, CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public async Task CancelAsync_Parent_CancelsTheChild()
    {
        await using var h = await EngineHarness.CreateAsync();
        h.Write("child.yaml", Child);
        var waiting = await h.RunAsync(Parent);

        var cancelled = await h.Engine.CancelAsync(waiting.RunId, "user:ops", "no longer needed");

        cancelled.Status.Should().Be(RunStatus.Cancelled);
        var child = (await h.Store.ListRunsAsync(new RunQuery { WorkflowName = "notify" }, CancellationToken.None)).Single();
        child.Status.Should().Be(RunStatus.Cancelled);
    }
}

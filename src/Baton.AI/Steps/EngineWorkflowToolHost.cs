using System.Text.Json;
using System.Text.Json.Nodes;
using Baton.AI.Tools;
using Baton.Definitions;
using Baton.Engine;
using Baton.Storage;
using Baton.Steps;

namespace Baton.AI.Steps;

/// <summary>
/// Runs an agent's <c>workflow</c> tool as a run of the child workflow pinned with the agent's definition. The child's
/// id derives from the tool call's idempotency key, so a call replayed after a crash finds the run it started.
/// </summary>
internal sealed class EngineWorkflowToolHost(BatonEngine engine, StepContext context) : IWorkflowToolHost
{
    public JsonElement? InputSchemaOf(string path)
        => Child(path).InputSchema is { } schema ? JsonSerializer.SerializeToElement(schema) : null;

    public async Task<JsonNode?> RunAsync(string path, JsonObject inputs, ToolInvocation invocation, CancellationToken cancellationToken)
    {
        var child = Child(path);
        var runId = RunId.FromKey(invocation.IdempotencyKey);
        var result = await engine.GetRunAsync(runId, cancellationToken).ConfigureAwait(false) is null
            ? await engine.RunAsync(child, inputs, new StartRunOptions { RunId = runId, Actor = $"agent:{context.RunId}/{context.Path}" }, cancellationToken).ConfigureAwait(false)
            : await engine.DriveAsync(runId, cancellationToken).ConfigureAwait(false);
        if (!result.IsTerminal)
        {
            result = await engine.WaitForCompletionAsync(runId, cancellationToken).ConfigureAwait(false);
        }

        return result.Status == RunStatus.Completed
            ? result.Output
            : throw new StepFailedException(ErrorCodes.ChildFailed, $"The workflow tool's run {runId} {RunStateNames.Run(result.Status)}: {result.Error?.Message}", retryable: false);
    }

    private WorkflowDefinition Child(string path)
    {
        var step = context.Definition?.GetStep(context.StepId) as ActionStep;
        return step?.Workflows.TryGetValue(path, out var child) == true
            ? child
            : throw new StepFailedException(ErrorCodes.InvalidConfig, $"The workflow tool '{path}' was not compiled with this workflow; check its path.", retryable: false);
    }
}

using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace Baton.AI.Tools;

/// <summary>A <c>workflow</c> tool: each call runs the workflow at <c>path</c> as a child run, with the model's arguments as its inputs.</summary>
internal sealed class WorkflowAgentTool(
    string name, string description, ToolParameters parameters, string path, IWorkflowToolHost host, ILogger logger)
    : AgentTool(name, description, parameters, logger)
{
    protected override async Task<ToolResult> InvokeCoreAsync(JsonObject arguments, ToolInvocation invocation, CancellationToken cancellationToken)
    {
        // A StepFailedException from the host (the child could not start, or failed) becomes a result with its code.
        var outputs = await host.RunAsync(path, (JsonObject)arguments.DeepClone(), invocation, cancellationToken).ConfigureAwait(false);
        return ToolResult.Success(outputs);
    }
}

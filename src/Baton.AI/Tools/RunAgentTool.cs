using System.Text.Json.Nodes;

namespace Baton.AI.Tools;

/// <summary>
/// A <c>run</c> tool: one process through the registered <c>run</c> executor per call, with the model's arguments as
/// JSON on stdin and in <c>BATON_TOOL_ARGUMENTS</c> (which the configured <c>env</c> cannot override).
/// </summary>
internal sealed class RunAgentTool(
    string name, string description, ToolParameters parameters, JsonObject config, AgentToolEnvironment environment)
    : AgentTool(name, description, parameters, environment.Logger)
{
    public const string ArgumentsVariable = "BATON_TOOL_ARGUMENTS";

    protected override async Task<ToolResult> InvokeCoreAsync(JsonObject arguments, ToolInvocation invocation, CancellationToken cancellationToken)
    {
        var json = arguments.ToJsonString();
        var request = (JsonObject)config.DeepClone();
        request["stdin"] = json;
        var env = request["env"] as JsonObject ?? [];
        env[ArgumentsVariable] = json;
        request["env"] = env;

        var outcome = await environment.Run.ExecuteAsync(new ToolStepContext(invocation, request, environment), cancellationToken).ConfigureAwait(false);
        return StepOutcomes.ToToolResult(outcome);
    }
}

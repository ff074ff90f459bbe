using System.Text.Json;
using System.Text.Json.Nodes;
using Baton.Steps;
using Microsoft.Extensions.Logging;

namespace Baton.AI.Tools;

/// <summary>
/// What every tool kind shares around one call: the arguments check, the <c>execute_tool</c> activity, masking, and
/// turning failures into results so that only cancellation escapes.
/// </summary>
internal abstract class AgentTool(string name, string description, ToolParameters parameters, ILogger logger) : IAgentTool
{
    public string Name { get; } = name;

    public string Description { get; } = description;

    public JsonElement ParametersSchema => parameters.Schema;

    public async Task<ToolResult> InvokeAsync(JsonObject arguments, ToolInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(invocation);
        using var activity = ToolActivity.Start(Name, invocation.CallId);
        try
        {
            var result = ToolResultMasking.Mask(await RunAsync(arguments, invocation, cancellationToken).ConfigureAwait(false), invocation.Step);
            ToolActivity.Complete(activity, result);
            return result;
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            ToolActivity.Fail(activity, ex);
            throw;
        }
    }

    /// <summary>Runs the call with arguments that match the parameters schema. The arguments are the caller's: copy before keeping or changing them.</summary>
    protected abstract Task<ToolResult> InvokeCoreAsync(JsonObject arguments, ToolInvocation invocation, CancellationToken cancellationToken);

    private async Task<ToolResult> RunAsync(JsonObject arguments, ToolInvocation invocation, CancellationToken cancellationToken)
    {
        var problems = parameters.Check(arguments);
        if (problems is not null)
        {
            return ToolResult.Failure(ToolErrorCodes.InvalidArguments, $"The arguments do not match the parameters of '{Name}': {problems}.");
        }

        try
        {
            return await InvokeCoreAsync(arguments, invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (StepFailedException ex)
        {
            return ToolResult.Failure(ex.Code, ex.Message, ex.Details);
        }
        catch (BatonException ex)
        {
            // A BatonException's message is written to be shown; it holds no internals.
            return ToolResult.Failure(ToolErrorCodes.Failed, ex.Message);
        }
        catch (Exception ex)
        {
            ToolLog.ToolCrashed(logger, Name, invocation.Path, ex);
            return ToolResult.Failure(ToolErrorCodes.Failed, $"The tool '{Name}' failed unexpectedly ({ex.GetType().Name}).");
        }
    }
}

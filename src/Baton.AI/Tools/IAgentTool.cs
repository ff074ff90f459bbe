using System.Text.Json;
using System.Text.Json.Nodes;

namespace Baton.AI.Tools;

/// <summary>One tool an agent may call: what the model is told about it, and how a call runs.</summary>
public interface IAgentTool
{
    /// <summary>The name the model calls the tool by: 1 to 64 letters, digits, '_' or '-', unique within its toolbox.</summary>
    string Name { get; }

    /// <summary>What the tool does, for the model.</summary>
    string Description { get; }

    /// <summary>A JSON Schema for an object: the arguments the tool accepts.</summary>
    JsonElement ParametersSchema { get; }

    /// <summary>Runs one call of the tool.</summary>
    /// <remarks>
    /// The arguments are checked against <see cref="ParametersSchema"/> first; arguments that do not match give a result
    /// with code <c>tool.invalid-arguments</c> whose message names each field, so that the model can correct itself.
    /// Every call is traced as an <c>execute_tool {name}</c> activity on the <c>Baton.AI</c> source. Strings in the
    /// result are masked with <see cref="Baton.Steps.StepContext.Mask"/>, since the result goes to a model.
    /// </remarks>
    /// <returns>The result; a failure of the tool is a result with <see cref="ToolResult.IsError"/> set, never an exception.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<ToolResult> InvokeAsync(JsonObject arguments, ToolInvocation invocation, CancellationToken cancellationToken);
}

using System.Text.Json;
using System.Text.Json.Nodes;

namespace Baton.AI.Tools;

/// <summary>Runs child workflows for <c>workflow</c> tools. Implemented by the engine.</summary>
public interface IWorkflowToolHost
{
    /// <summary>The inputs schema of the workflow at <paramref name="path"/> (as the tool's configuration gives it); null when it accepts any object.</summary>
    JsonElement? InputSchemaOf(string path);

    /// <summary>Runs the workflow at <paramref name="path"/> as a child run with <paramref name="inputs"/>, and returns its outputs.</summary>
    /// <exception cref="Baton.Steps.StepFailedException">The child run could not start or failed; its code becomes the tool result's code.</exception>
    Task<JsonNode?> RunAsync(string path, JsonObject inputs, ToolInvocation invocation, CancellationToken cancellationToken);
}

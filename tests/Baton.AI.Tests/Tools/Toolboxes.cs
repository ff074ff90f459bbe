using System.Text.Json.Nodes;
using Baton.AI.Tools;
using Baton.Steps;

namespace Baton.AI.Tests.Tools;

/// <summary>Builds toolboxes over the real <c>http</c> and <c>run</c> executors.</summary>
internal static class Toolboxes
{
    private static readonly HttpClient Http = HttpStepExecutor.CreateDefaultHttpClient();

    public static AgentToolEnvironment Environment(string? workingDirectory = null, IWorkflowToolHost? workflows = null) => new()
    {
        WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        Http = new HttpStepExecutor(Http),
        Run = new RunStepExecutor(),
        Workflows = workflows,
    };

    /// <summary>Creates a toolbox from the tools list written as JSON.</summary>
    public static Task<AgentToolbox> CreateAsync(string toolsJson, AgentToolEnvironment? environment = null)
        => CreateAsync((JsonArray)JsonNode.Parse(toolsJson)!, environment);

    public static Task<AgentToolbox> CreateAsync(JsonArray tools, AgentToolEnvironment? environment = null)
        => AgentToolbox.CreateAsync(tools, environment ?? Environment(), CancellationToken.None).Within("creating the toolbox");

    public static IAgentTool Get(this AgentToolbox toolbox, string name)
        => toolbox.TryGet(name, out var tool) ? tool : throw new InvalidOperationException($"The toolbox has no tool '{name}'.");

    public static Task<ToolResult> CallAsync(this IAgentTool tool, string argumentsJson, ToolTestContext context, int n = 1)
        => tool.InvokeAsync((JsonObject)JsonNode.Parse(argumentsJson)!, context.Call(tool.Name, n), CancellationToken.None).Within($"calling {tool.Name}");
}

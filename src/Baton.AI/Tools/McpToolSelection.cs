using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace Baton.AI.Tools;

/// <summary>Keeps the tools of a started MCP server that its entry's allow-list names, in the allow-list's order.</summary>
internal static class McpToolSelection
{
    /// <exception cref="ToolConfigurationException">An allow-listed name is not a tool of the server, or its input schema cannot be used.</exception>
    public static List<AgentTool> Select(McpServerConnection server, IReadOnlyList<string> allowed, ILogger logger)
    {
        var selected = new List<AgentTool>(allowed.Count);
        for (var i = 0; i < allowed.Count; i++)
        {
            var tool = server.Tools.FirstOrDefault(t => string.Equals(t.Name, allowed[i], StringComparison.Ordinal))
                ?? throw new ToolConfigurationException(
                    $"{server.Label}: mcp.tools[{i}] '{allowed[i]}' is not a tool of this server; it offers: {string.Join(", ", server.Tools.Select(t => t.Name).Order(StringComparer.Ordinal))}.");
            var parameters = ToolParameters.Parse(JsonNode.Parse(tool.JsonSchema.GetRawText()), $"{server.Label}: the input schema of '{tool.Name}'");
            selected.Add(new McpAgentTool(server, tool, parameters, logger));
        }

        ToolLog.McpServerStarted(logger, server.Label, server.Tools.Count, selected.Count);
        return selected;
    }
}

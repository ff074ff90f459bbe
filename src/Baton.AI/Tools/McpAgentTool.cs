using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Baton.AI.Tools;

/// <summary>An allow-listed tool of an MCP server: the server's own name, description and input schema; each call is one <c>tools/call</c>.</summary>
internal sealed class McpAgentTool(McpServerConnection server, McpClientTool tool, ToolParameters parameters, ILogger logger)
    : AgentTool(tool.Name, DescriptionOf(tool), parameters, logger)
{
    protected override async Task<ToolResult> InvokeCoreAsync(JsonObject arguments, ToolInvocation invocation, CancellationToken cancellationToken)
    {
        var request = new CallToolRequestParams
        {
            Name = Name,
            Arguments = arguments.ToDictionary(p => p.Key, p => ToElement(p.Value), StringComparer.Ordinal),
        };
        try
        {
            var result = await server.Client.CallToolAsync(request, cancellationToken).ConfigureAwait(false);
            return McpResults.ToToolResult(result, Name);
        }
        catch (McpException ex)
        {
            // A protocol-level error (unknown tool, invalid parameters, an internal error of the server): the message is the server's.
            return ToolResult.Failure(ToolErrorCodes.Failed, $"{server.Label} refused the call to '{Name}': {ex.Message}");
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
        {
            return ToolResult.Failure(ToolErrorCodes.Failed, $"{server.Label} is no longer reachable, so '{Name}' could not be called: {ex.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ToolResult.Failure(ToolErrorCodes.Failed, $"{server.Label} did not answer the call to '{Name}' in time.");
        }
    }

    private static string DescriptionOf(McpClientTool tool)
        => !string.IsNullOrWhiteSpace(tool.Description) ? tool.Description : tool.Title ?? "";

    private static JsonElement ToElement(JsonNode? node)
    {
        using var document = JsonDocument.Parse(node?.ToJsonString() ?? "null");
        return document.RootElement.Clone();
    }
}

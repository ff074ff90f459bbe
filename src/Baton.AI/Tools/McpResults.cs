using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace Baton.AI.Tools;

/// <summary>Turns an MCP <c>tools/call</c> result into a tool result.</summary>
/// <remarks>
/// The content is the structured content when the server gives one; otherwise the text when every block is text
/// (blocks joined by a line break); otherwise a list of the blocks as MCP writes them. An error result becomes a
/// failure with code <c>tool.failed</c> whose message is the server's text.
/// </remarks>
internal static class McpResults
{
    public static ToolResult ToToolResult(CallToolResult result, string toolName)
    {
        var content = ContentOf(result);
        if (result.IsError != true)
        {
            return ToolResult.Success(content);
        }

        var text = TextOf(result.Content);
        return ToolResult.Failure(
            ToolErrorCodes.Failed,
            text.Length == 0 ? $"The MCP tool '{toolName}' reported an error without a message." : text,
            content);
    }

    private static JsonNode? ContentOf(CallToolResult result)
    {
        if (result.StructuredContent is { } structured)
        {
            return JsonNode.Parse(structured.GetRawText());
        }

        if (result.Content.Count == 0)
        {
            return null;
        }

        if (result.Content.All(b => b is TextContentBlock))
        {
            return JsonValue.Create(TextOf(result.Content));
        }

        return new JsonArray([.. result.Content.Select(b => JsonSerializer.SerializeToNode(b, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(ContentBlock))))]);
    }

    private static string TextOf(IList<ContentBlock> blocks)
        => string.Join("\n", blocks.OfType<TextContentBlock>().Select(b => b.Text));
}

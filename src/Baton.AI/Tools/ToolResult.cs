using System.Text.Json.Nodes;

namespace Baton.AI.Tools;

/// <summary>How one tool call ended. Either way, it is reported to the model as the tool's result.</summary>
/// <param name="IsError">Whether the tool failed.</param>
/// <param name="Content">The tool's output; on failure, details such as the HTTP status and a prefix of the body, or null.</param>
/// <param name="ErrorCode">On failure, a stable code such as <c>tool.invalid-arguments</c>, <c>http.status.404</c> or <c>run.exit-code</c>.</param>
/// <param name="Message">On failure, a sentence saying what went wrong, with secrets masked.</param>
public sealed record ToolResult(bool IsError, JsonNode? Content, string? ErrorCode = null, string? Message = null)
{
    /// <summary>A successful result.</summary>
    public static ToolResult Success(JsonNode? content) => new(false, content);

    /// <summary>A failed result.</summary>
    public static ToolResult Failure(string errorCode, string message, JsonNode? content = null) => new(true, content, errorCode, message);
}

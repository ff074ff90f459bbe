namespace Baton.AI.Tools;

/// <summary>The codes of tool results that the tools themselves produce (besides the codes of the http and run steps).</summary>
public static class ToolErrorCodes
{
    /// <summary>The model's arguments do not match the tool's parameters schema; the message names each field.</summary>
    public const string InvalidArguments = "tool.invalid-arguments";

    /// <summary>The tool failed: an MCP error result, a server that went away, or an unexpected exception.</summary>
    public const string Failed = AIErrorCodes.ToolFailed;
}

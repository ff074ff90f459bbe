using Microsoft.Extensions.Logging;

namespace Baton.AI.Tools;

/// <summary>What the tools log. Never arguments, results or environment: they can hold secrets.</summary>
internal static partial class ToolLog
{
    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "The agent tool '{Tool}' failed unexpectedly in {Path}.")]
    public static partial void ToolCrashed(ILogger logger, string tool, string path, Exception exception);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Debug, Message = "Started the MCP server {Server}: it offers {Offered} tools, of which {Allowed} are allowed.")]
    public static partial void McpServerStarted(ILogger logger, string server, int offered, int allowed);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Debug, Message = "Stopped the MCP server {Server}.")]
    public static partial void McpServerStopped(ILogger logger, string server);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Warning, Message = "Stopping the MCP server {Server} failed.")]
    public static partial void McpServerStopFailed(ILogger logger, string server, Exception exception);
}

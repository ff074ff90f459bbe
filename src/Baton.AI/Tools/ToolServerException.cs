namespace Baton.AI.Tools;

/// <summary>An MCP server could not be started, or did not answer its initialization or its tool list.</summary>
/// <remarks>Transient: a server that crashed at start-up may start on another attempt.</remarks>
public sealed class ToolServerException(string message, Exception? innerException = null) : BatonException(message, innerException)
{
    /// <inheritdoc/>
    public override bool IsTransient => true;
}

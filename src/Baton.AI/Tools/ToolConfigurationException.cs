namespace Baton.AI.Tools;

/// <summary>An agent's <c>tools</c> list cannot be used: an invalid entry, a repeated name, or an allow-listed MCP tool the server lacks.</summary>
/// <remarks>The message names the entry (<c>agent.tools[2] ('kb_search')</c>) and the field. Not transient.</remarks>
public sealed class ToolConfigurationException(string message, Exception? innerException = null) : BatonException(message, innerException)
{
}

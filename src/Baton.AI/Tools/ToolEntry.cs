namespace Baton.AI.Tools;

/// <summary>One checked entry of an agent's <c>tools</c> list: a tool ready to call, or an MCP server still to start.</summary>
/// <param name="Label">Names the entry in messages: <c>agent.tools[1] ('kb_search')</c>.</param>
internal sealed record ToolEntry(string Label, AgentTool? Tool, McpServerConfig? Mcp);

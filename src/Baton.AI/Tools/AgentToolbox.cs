using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace Baton.AI.Tools;

/// <summary>The tools of one agent step's attempt: checked, with their MCP servers started, ready to be offered and called.</summary>
/// <remarks>
/// <para>Only the listed tools exist: an MCP entry offers only the server tools its <c>tools</c> allow-list names,
/// so a server's other tools can be neither offered nor called. Names are unique and match <c>^[A-Za-z0-9_-]{1,64}$</c>.</para>
/// <para>Dispose the toolbox when the attempt ends: it stops the MCP server processes.</para>
/// </remarks>
public sealed class AgentToolbox : IAsyncDisposable
{
    private readonly Dictionary<string, IAgentTool> _byName;
    private readonly List<McpServerConnection> _servers;

    private AgentToolbox(List<IAgentTool> tools, List<McpServerConnection> servers)
    {
        Tools = tools.AsReadOnly();
        _byName = tools.ToDictionary(t => t.Name, StringComparer.Ordinal);
        _servers = servers;
    }

    /// <summary>The tools in the order of the list; an MCP entry's tools in the order of its allow-list.</summary>
    public IReadOnlyList<IAgentTool> Tools { get; }

    /// <summary>Checks every entry of the rendered <c>agent.tools</c> list, then starts each MCP server and keeps its allow-listed tools.</summary>
    /// <param name="tools">The rendered <c>agent.tools</c> list (see docs/ai.md).</param>
    /// <param name="environment">The executors, host, directory and clock the tools use.</param>
    /// <param name="cancellationToken">Cancels the start; servers already started are stopped.</param>
    /// <exception cref="ToolConfigurationException">
    /// An entry is invalid (the message names <c>agent.tools[i]</c>, the tool's name and the field), two tools have the same
    /// name, or an allow-listed name is not a tool of its server (the message lists the server's tools). Messages may quote
    /// configured values: mask them before showing them.
    /// </exception>
    /// <exception cref="ToolServerException">An MCP server could not be started or did not list its tools.</exception>
    public static async Task<AgentToolbox> CreateAsync(JsonArray tools, AgentToolEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tools);
        ArgumentNullException.ThrowIfNull(environment);
        var entries = ToolEntryReader.Read(tools, environment);
        var result = new List<IAgentTool>();
        var servers = new List<McpServerConnection>();
        try
        {
            foreach (var entry in entries)
            {
                if (entry.Tool is { } tool)
                {
                    result.Add(tool);
                    continue;
                }

                var server = await McpServerConnection.StartAsync(entry.Mcp!, entry.Label, environment, cancellationToken).ConfigureAwait(false);
                servers.Add(server);
                result.AddRange(McpToolSelection.Select(server, entry.Mcp!.AllowedTools, environment.Logger));
            }
        }
        catch (Exception)
        {
            await DisposeAllAsync(servers).ConfigureAwait(false);
            throw;
        }

        return new AgentToolbox(result, servers);
    }

    /// <summary>Finds a tool of this toolbox by the name the model called.</summary>
    public bool TryGet(string name, [MaybeNullWhen(false)] out IAgentTool tool) => _byName.TryGetValue(name, out tool);

    /// <summary>Stops the MCP server processes. Safe to call more than once.</summary>
    public ValueTask DisposeAsync() => new(DisposeAllAsync(_servers));

    private static async Task DisposeAllAsync(List<McpServerConnection> servers)
    {
        foreach (var server in servers)
        {
            await server.DisposeAsync().ConfigureAwait(false);
        }
    }
}

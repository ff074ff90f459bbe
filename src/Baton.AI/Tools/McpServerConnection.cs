using System.Reflection;
using Baton.Steps;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Baton.AI.Tools;

/// <summary>One MCP server started over stdio for an agent's toolbox, with the tools it listed at start-up.</summary>
/// <remarks>
/// The server inherits Baton's environment minus every <c>BATON_SECRET_*</c> variable and every model provider's credential
/// variable (<see cref="ChildEnvironment.IsHidden"/>), plus the entry's <c>env</c> (a null value unsets). A relative <c>command</c> path resolves against the workflow's directory; a bare name is looked up on
/// <c>PATH</c>, never in the current directory. Disposing stops the process (closing its stdin, then killing its tree).
/// </remarks>
internal sealed class McpServerConnection : IAsyncDisposable
{
    private static readonly Implementation ClientInfo = new()
    {
        Name = "baton",
        Version = typeof(McpServerConnection).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0",
    };

    /// <summary>
    /// How long the client waits for an answer to its first request (<c>server/discover</c>) before it takes the server
    /// for one that needs the older <c>initialize</c> handshake. The SDK's 5 seconds count the server's own start-up, which
    /// takes longer than that for a .NET or npx server on a busy machine; the late answer then leaves the server on the
    /// new protocol and the client on the old one, and the start fails.
    /// </summary>
    private static readonly TimeSpan DiscoverProbeTimeout = TimeSpan.FromSeconds(30);

    private readonly McpClient _client;
    private readonly ILogger _logger;
    private int _disposed;

    private McpServerConnection(McpClient client, string label, IList<McpClientTool> tools, ILogger logger)
    {
        _client = client;
        Label = label;
        Tools = [.. tools];
        _logger = logger;
    }

    /// <summary>Names the server in messages: <c>agent.tools[3] (MCP server './mcp/docs-server')</c>.</summary>
    public string Label { get; }

    /// <summary>Every tool the server listed, allowed or not.</summary>
    public IReadOnlyList<McpClientTool> Tools { get; }

    public McpClient Client => _client;

    /// <exception cref="ToolConfigurationException">The working directory or the command does not exist.</exception>
    /// <exception cref="ToolServerException">The server could not be started, or did not answer its initialization or tool list.</exception>
    public static async Task<McpServerConnection> StartAsync(
        McpServerConfig config, string label, AgentToolEnvironment environment, CancellationToken cancellationToken)
    {
        var stderr = new StderrTail();
        var options = CreateOptions(config, label, environment);
        options.StandardErrorLines = stderr.Add;
        var transport = new StdioClientTransport(options);
        McpClient? client = null;
        try
        {
            client = await McpClient.CreateAsync(
                transport,
                new McpClientOptions { ClientInfo = ClientInfo, TimeProvider = environment.TimeProvider, DiscoverProbeTimeout = DiscoverProbeTimeout },
                loggerFactory: null,
                cancellationToken).ConfigureAwait(false);
            var tools = await client.ListToolsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return new McpServerConnection(client, label, tools, environment.Logger);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await DisposeQuietlyAsync(client).ConfigureAwait(false);
            throw;
        }
        catch (Exception ex)
        {
            // The SDK reports a server that exits (quoting the end of its stderr), writes garbage or times out with several exception types.
            await DisposeQuietlyAsync(client).ConfigureAwait(false);
            await stderr.DrainAsync().ConfigureAwait(false);
            throw new ToolServerException(stderr.AppendTo($"{label}: the MCP server could not be started: {ex.Message}"), ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            await _client.DisposeAsync().ConfigureAwait(false);
            ToolLog.McpServerStopped(_logger, Label);
        }
        catch (Exception ex)
        {
            // Disposal must not fail the agent: the process is killed on a best-effort basis either way.
            ToolLog.McpServerStopFailed(_logger, Label, ex);
        }
    }

    private static StdioClientTransportOptions CreateOptions(McpServerConfig config, string label, AgentToolEnvironment environment)
    {
        var baseDirectory = Path.GetFullPath(environment.WorkingDirectory);
        var workingDirectory = Path.GetFullPath(config.WorkingDir ?? ".", baseDirectory);
        if (!Directory.Exists(workingDirectory))
        {
            throw new ToolConfigurationException(
                $"{label}: mcp.working-dir '{config.WorkingDir}' (resolved to '{workingDirectory}') does not exist.");
        }

        var variables = ServerEnvironment(config.Env, environment);
        var searchPath = variables.TryGetValue("PATH", out var path) ? path : Environment.GetEnvironmentVariable("PATH");
        var command = CommandResolver.Resolve(config.Command, baseDirectory, searchPath)
            ?? throw new ToolConfigurationException($"{label}: mcp.command '{config.Command}' was not found on PATH.");
        if (!File.Exists(command))
        {
            throw new ToolConfigurationException($"{label}: mcp.command '{config.Command}' (resolved to '{command}') does not exist.");
        }

        return new StdioClientTransportOptions
        {
            Command = command,
            Arguments = [.. config.Args],
            WorkingDirectory = workingDirectory,
            EnvironmentVariables = variables,
            Name = label,
        };
    }

    /// <summary>The changes to the inherited environment: every variable a child must not inherit removed, then the entry's <c>env</c> applied.</summary>
    private static Dictionary<string, string?> ServerEnvironment(IReadOnlyList<KeyValuePair<string, string?>> env, AgentToolEnvironment environment)
    {
        var variables = new Dictionary<string, string?>(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        foreach (var name in Environment.GetEnvironmentVariables().Keys.OfType<string>())
        {
            if (ChildEnvironment.IsHidden(name, environment.Definition))
            {
                variables[name] = null;
            }
        }

        foreach (var (name, value) in env)
        {
            variables[name] = value;
        }

        return variables;
    }

    private static async Task DisposeQuietlyAsync(McpClient? client)
    {
        if (client is null)
        {
            return;
        }

        try
        {
            await client.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Already failing with a better error; the process is killed on a best-effort basis.
        }
    }
}

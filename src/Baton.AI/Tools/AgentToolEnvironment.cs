using Baton.Definitions;
using Baton.Steps;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Baton.AI.Tools;

/// <summary>What an <see cref="AgentToolbox"/> needs from the engine to build and run its tools.</summary>
public sealed class AgentToolEnvironment
{
    /// <summary>The directory relative paths resolve against: the workflow file's directory.</summary>
    public required string WorkingDirectory { get; init; }

    /// <summary>The registered <c>http</c> executor, which <c>http</c> tools send their requests through.</summary>
    public required IStepExecutor Http { get; init; }

    /// <summary>The registered <c>run</c> executor, which <c>run</c> tools start their processes through.</summary>
    public required IStepExecutor Run { get; init; }

    /// <summary>Runs child workflows for <c>workflow</c> tools; without it, a <c>workflow</c> tool is a configuration error.</summary>
    public IWorkflowToolHost? Workflows { get; init; }

    /// <summary>The definition of the agent's run: the processes its tools start do not inherit the API key variables its project config names.</summary>
    public WorkflowDefinition? Definition { get; init; }

    /// <summary>The clock. Default: <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Where the toolbox logs MCP server lifecycle events; never arguments or results. Default: no logging.</summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;
}

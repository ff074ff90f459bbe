using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace Baton.Steps;

/// <summary>What an <see cref="IStepExecutor"/> knows about the attempt it is making.</summary>
public abstract class StepContext
{
    public abstract RunId RunId { get; }

    public abstract string WorkflowName { get; }

    public abstract string StepId { get; }

    /// <summary>The step execution's path, such as <c>gather/ads</c> or <c>process[3]/classify</c>.</summary>
    public abstract string Path { get; }

    /// <summary>The attempt number, starting at 1.</summary>
    public abstract int Attempt { get; }

    /// <summary>Stable across attempts and crash recovery of this step execution: <c>{run}:{path}</c>.</summary>
    public abstract string IdempotencyKey { get; }

    /// <summary>The configuration under the kind key, with every expression evaluated. The executor owns this tree.</summary>
    public abstract JsonNode? Config { get; }

    /// <summary>The directory relative paths resolve against: the directory of the workflow file.</summary>
    public abstract string WorkingDirectory { get; }

    public abstract TimeProvider TimeProvider { get; }

    public abstract ILogger Logger { get; }

    public abstract IServiceProvider Services { get; }

    /// <summary>Replaces every secret value in <paramref name="text"/> with <c>***</c>.</summary>
    public abstract string Mask(string text);
}

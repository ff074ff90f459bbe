using Baton.Definitions;
using Baton.Secrets;
using Baton.Storage;
using Microsoft.Extensions.Logging;

namespace Baton.Engine;

/// <summary>What every run driver of one engine shares.</summary>
internal sealed class EngineServices
{
    public required IWorkflowStore Store { get; init; }

    public required StepExecutorRegistry Executors { get; init; }

    public required DefinitionCache Definitions { get; init; }

    public required WorkflowCompiler Compiler { get; init; }

    public required ISecretProvider Secrets { get; init; }

    public required SecretMasker Masker { get; init; }

    public required TimeProvider TimeProvider { get; init; }

    public required BatonEngineOptions Options { get; init; }

    public required ILogger Logger { get; init; }

    public required IServiceProvider Services { get; init; }

    public ConfigSchemaCheck ConfigSchemas { get; } = new();

    /// <summary>The host's checks that a run can start, besides the engine's own.</summary>
    public IReadOnlyList<IRunStartCheck> StartChecks { get; init; } = [];

    /// <summary>Told of every timeline event once it is committed, in commit order per run.</summary>
    public Action<TimelineEvent>? OnCommitted { get; init; }

    /// <summary>Told of a run's record after each commit that ends a drive of it.</summary>
    public Action<RunRecord>? OnRunSettled { get; init; }
}

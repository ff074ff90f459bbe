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

    /// <summary>The definition the run is pinned to; null for contexts built outside a run (tests, tools).</summary>
    public virtual Definitions.WorkflowDefinition? Definition => null;

    /// <summary>Replaces every secret value in <paramref name="text"/> with <c>***</c>.</summary>
    public abstract string Mask(string text);

    /// <summary>
    /// Does <paramref name="work"/> at most once for this step execution under <paramref name="name"/>: its result is
    /// committed durably, as a child step execution of kind <paramref name="kind"/> (shown as <c>{path}/{name}</c>), before
    /// this returns; and when the step runs again after a crash, the recorded result is returned without doing the work
    /// again. This is how an agent never sends a model turn or a tool call twice.
    /// </summary>
    /// <remarks>
    /// <para>Names are unique within one execution of the step: use <c>turn-1</c>, <c>turn-2</c>... A retry of the step
    /// after a failure starts a fresh journal; only recovery from a crash replays it.</para>
    /// <para>An exception from <paramref name="work"/> is not recorded: the work runs again when the step does. Return an
    /// entry with an <see cref="JournalEntry.Error"/> to record a failure that must not be repeated.</para>
    /// <para>Contexts outside the engine (tests, tools) run the work every time.</para>
    /// </remarks>
    public Task<JournalEntry> RunOnceAsync(string name, string kind, Func<CancellationToken, Task<JournalEntry>> work, CancellationToken cancellationToken)
        => RunOnceAsync(name, kind, work, JournalCommit.Awaited, cancellationToken);

    /// <summary>
    /// Like <see cref="RunOnceAsync(string, string, Func{CancellationToken, Task{JournalEntry}}, CancellationToken)"/>, but
    /// with <see cref="JournalCommit.Deferred"/> it returns before the entry's commit, which is then awaited before the
    /// step's next journaled work and is always in place before the step's outcome.
    /// </summary>
    public virtual Task<JournalEntry> RunOnceAsync(
        string name, string kind, Func<CancellationToken, Task<JournalEntry>> work, JournalCommit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        return work(cancellationToken);
    }
}

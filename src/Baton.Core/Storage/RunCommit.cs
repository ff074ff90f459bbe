namespace Baton.Storage;

/// <summary>
/// One atomic transition of a run: its new record, the step executions it changed or added, the timeline events
/// that describe it, the signals it consumed, and its effects on other runs. A store applies all of it or none of it.
/// </summary>
public sealed class RunCommit
{
    /// <summary>The run's whole record after the transition.</summary>
    public required RunRecord Run { get; init; }

    /// <summary>True to insert the run; false to update it.</summary>
    public bool IsNew { get; init; }

    /// <summary>
    /// For an update: the lease owner the committer believes holds the run. The store applies the commit only if the
    /// stored run still has this owner, and throws <see cref="LeaseLostException"/> otherwise. This fences off a
    /// worker whose lease expired and was taken over.
    /// </summary>
    public string? ExpectedLeaseOwner { get; init; }

    /// <summary>Step executions to insert or replace, keyed by (run, seq).</summary>
    public IReadOnlyList<StepExecutionRecord> Steps { get; init; } = [];

    public IReadOnlyList<TimelineEvent> Events { get; init; } = [];

    /// <summary>Signals this transition consumed, with the step execution that consumed each.</summary>
    public IReadOnlyList<(long SignalId, long StepSeq)> ConsumedSignals { get; init; } = [];

    /// <summary>Other runs created with this transition (child runs), each with its own steps and events.</summary>
    public IReadOnlyList<RunCommit> NewRuns { get; init; } = [];

    /// <summary>
    /// Signals to other runs (a child's end to its parent, a cancellation to a child). Each is stored, and its target run,
    /// unless it has ended, becomes ready. A signal to a run that has ended is dropped.
    /// </summary>
    public IReadOnlyList<SignalRecord> OutgoingSignals { get; init; } = [];

    /// <summary>Definitions to store with the transition (a child run's definition), ignored when the hash is already stored.</summary>
    public IReadOnlyList<DefinitionRecord> Definitions { get; init; } = [];
}

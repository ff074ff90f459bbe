namespace Baton.Storage;

/// <summary>Everything a worker needs to continue a run: the run, its step executions, and its pending signals.</summary>
public sealed record RunSnapshot(RunRecord Run, IReadOnlyList<StepExecutionRecord> Steps, IReadOnlyList<SignalRecord> PendingSignals);

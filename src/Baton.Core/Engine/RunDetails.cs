using Baton.Storage;

namespace Baton.Engine;

/// <summary>A run with its step executions and its timeline.</summary>
public sealed record RunDetails(RunRecord Run, IReadOnlyList<StepExecutionRecord> Steps, IReadOnlyList<TimelineEvent> Timeline)
{
    /// <summary>
    /// The signals sent to the run that it has not consumed yet, oldest first: events no wait has taken, decisions not yet
    /// applied. Each carries its sender (<see cref="SignalRecord.Actor"/>) and the time it was sent (<see cref="SignalRecord.CreatedAt"/>).
    /// </summary>
    public IReadOnlyList<SignalRecord> PendingSignals { get; init; } = [];
}

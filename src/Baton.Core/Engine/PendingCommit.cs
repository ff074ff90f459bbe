using Baton.Storage;

namespace Baton.Engine;

/// <summary>The changes a driver has made since its last commit: one transition of the run, not yet durable.</summary>
internal sealed class PendingCommit
{
    public Dictionary<long, StepExecutionRecord> Steps { get; } = [];

    public List<TimelineEvent> Events { get; } = [];

    public List<(long SignalId, long StepSeq)> ConsumedSignals { get; } = [];

    public List<RunCommit> NewRuns { get; } = [];

    public List<SignalRecord> OutgoingSignals { get; } = [];

    public List<DefinitionRecord> Definitions { get; } = [];

    public bool RunChanged { get; set; }

    public bool HasChanges
        => RunChanged || Steps.Count > 0 || Events.Count > 0 || ConsumedSignals.Count > 0
            || NewRuns.Count > 0 || OutgoingSignals.Count > 0 || Definitions.Count > 0;

    public void Clear()
    {
        Steps.Clear();
        Events.Clear();
        ConsumedSignals.Clear();
        NewRuns.Clear();
        OutgoingSignals.Clear();
        Definitions.Clear();
        RunChanged = false;
    }
}

using Baton.Storage;

namespace Baton.Engine;

/// <summary>A run with its step executions and its timeline.</summary>
public sealed record RunDetails(RunRecord Run, IReadOnlyList<StepExecutionRecord> Steps, IReadOnlyList<TimelineEvent> Timeline);

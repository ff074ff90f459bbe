namespace Baton.Storage;

/// <summary>The timeline event types. Stable: tools and dashboards key on them.</summary>
/// <remarks>
/// A step's end (<see cref="StepCompleted"/>, <see cref="StepFailed"/>, <see cref="StepCancelled"/>) carries
/// <c>durationMs</c> in its data when the step had started: whole milliseconds from the execution's first start to its
/// end. <see cref="StepCompensated"/> carries the compensation's own <c>durationMs</c>. docs/architecture.md lists every
/// type's data.
/// </remarks>
public static class TimelineEventTypes
{
    public const string RunStarted = "run.started";
    public const string RunWaiting = "run.waiting";
    public const string RunCompleted = "run.completed";
    public const string RunFailed = "run.failed";
    public const string RunCancelled = "run.cancelled";
    public const string RunRecovered = "run.recovered";
    public const string RunStalled = "run.stalled";
    public const string CompensationStarted = "compensation.started";
    public const string StepStarted = "step.started";
    public const string StepCompleted = "step.completed";
    public const string StepFailed = "step.failed";
    public const string StepRetryScheduled = "step.retry-scheduled";
    public const string StepSkipped = "step.skipped";
    public const string StepWaiting = "step.waiting";
    public const string StepCancelled = "step.cancelled";
    public const string StepCompensated = "step.compensated";
    public const string StepInterrupted = "step.interrupted";
    public const string SignalReceived = "signal.received";
    public const string ApprovalRequested = "approval.requested";
    public const string ApprovalDecided = "approval.decided";
    public const string TimerFired = "timer.fired";
    public const string BranchWon = "parallel.branch-won";
}

namespace Baton.Storage;

/// <summary>A step execution's status. Persisted by number: never renumber.</summary>
public enum StepStatus
{
    /// <summary>Activated; runs as soon as a worker reaches it, or at <see cref="StepExecutionRecord.ReadyAt"/> when set (a retry backoff).</summary>
    Ready = 1,

    /// <summary>An attempt started and has not ended. After a crash, the attempt runs again with the same idempotency key.</summary>
    Running = 2,

    /// <summary>Suspended: on a timer, an event, a person, a child run, or the steps nested in it.</summary>
    Waiting = 3,

    Completed = 4,

    Failed = 5,

    /// <summary>Its <c>if</c> was false.</summary>
    Skipped = 6,

    Cancelled = 7,

    /// <summary>It had completed, and its compensation has since run.</summary>
    Compensated = 8,
}

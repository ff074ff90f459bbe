namespace Baton.Engine;

/// <summary>Settings for <see cref="BatonEngine"/>. Validated when the engine is built.</summary>
public sealed class BatonEngineOptions
{
    /// <summary>How long a worker's claim on a run lasts without renewal. Default 30 seconds.</summary>
    /// <remarks>A worker that dies loses its runs to another worker after at most this long. On one machine,
    /// the runs of a dead process are taken over at once.</remarks>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a worker renews its leases and looks for signals sent by other processes. Default 5 seconds; must be under a third of <see cref="LeaseDuration"/>.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A retry backoff up to this long is waited out in the process that runs the step; a longer one becomes a durable timer and frees the run. Default 30 seconds.</summary>
    public TimeSpan RetryHoldThreshold { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many runs a worker drives at once. Default 64.</summary>
    public int WorkerConcurrency { get; set; } = 64;

    /// <summary>How often an idle worker looks for work that other processes made ready. Default 1 second.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many times in a row a step may be interrupted by a crash before it fails with <c>step.interrupted</c>: the guard against a step that kills its worker. Default 5.</summary>
    public int MaxInterruptions { get; set; } = 5;

    /// <summary>Throws when a setting is out of range, naming it and saying how to fix it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public void Validate()
    {
        Require(LeaseDuration >= TimeSpan.FromSeconds(1), nameof(LeaseDuration), "must be at least 1 second");
        Require(HeartbeatInterval > TimeSpan.Zero && HeartbeatInterval * 3 <= LeaseDuration, nameof(HeartbeatInterval), "must be positive and at most a third of LeaseDuration");
        Require(RetryHoldThreshold >= TimeSpan.Zero, nameof(RetryHoldThreshold), "must not be negative");
        Require(WorkerConcurrency is >= 1 and <= 10_000, nameof(WorkerConcurrency), "must be between 1 and 10000");
        Require(PollInterval >= TimeSpan.FromMilliseconds(10), nameof(PollInterval), "must be at least 10 ms");
        Require(MaxInterruptions >= 1, nameof(MaxInterruptions), "must be at least 1");
    }

    private static void Require(bool condition, string name, string rule)
    {
        if (!condition)
        {
            throw new ArgumentOutOfRangeException($"{nameof(BatonEngineOptions)}.{name}", $"{nameof(BatonEngineOptions)}.{name} {rule}.");
        }
    }
}

namespace Baton.Storage;

/// <summary>A run's status. Persisted by number: never renumber.</summary>
public enum RunStatus
{
    /// <summary>The run has work to do now, or a worker is doing it.</summary>
    Running = 1,

    /// <summary>Nothing can proceed until a timer fires, an event arrives, a person decides or a child run ends.</summary>
    Waiting = 2,

    Completed = 3,

    Failed = 4,

    Cancelled = 5,
}

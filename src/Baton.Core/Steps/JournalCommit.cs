namespace Baton.Steps;

/// <summary>When <see cref="StepContext.RunOnceAsync(string, string, Func{CancellationToken, Task{JournalEntry}}, JournalCommit, CancellationToken)"/> returns, relative to the entry's commit.</summary>
public enum JournalCommit
{
    /// <summary>After the entry is durable. Use it when what follows has effects outside the step (a tool call, a message sent).</summary>
    Awaited,

    /// <summary>
    /// As soon as the entry is handed to the engine. It is still durable before the step's next journaled work starts and
    /// before the step's outcome is recorded, so use it when only computation follows (parsing a model's answer): the step
    /// saves a commit's latency, and a crash in between only means the work is done again, as it would be without a journal.
    /// </summary>
    Deferred,
}

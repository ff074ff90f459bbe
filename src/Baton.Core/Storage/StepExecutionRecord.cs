using System.Text.Json.Nodes;
using Baton.Steps;

namespace Baton.Storage;

/// <summary>One execution of one step in a run: a row of the timeline with its attempts, output and error.</summary>
public sealed class StepExecutionRecord
{
    public required RunId RunId { get; init; }

    /// <summary>Unique within the run, in activation order.</summary>
    public required long Seq { get; init; }

    public required string StepId { get; init; }

    public required string Kind { get; init; }

    /// <summary>The execution's path: step ids from the top, with <c>[i]</c> for a foreach item and <c>#n</c> for the n-th pass of a goto loop.</summary>
    public required string Path { get; init; }

    /// <summary>The execution of the container step this one runs under; null at the top level.</summary>
    public long? ParentSeq { get; init; }

    /// <summary>The branch, item or case index within the parent; 0 otherwise; -1 for a journal entry.</summary>
    public int Ordinal { get; init; }

    /// <summary>The pass of a goto loop, from 1.</summary>
    public int Iteration { get; init; } = 1;

    public StepStatus Status { get; set; } = StepStatus.Ready;

    /// <summary>Attempts started so far.</summary>
    public int Attempts { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the first attempt started.</summary>
    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>For a ready step: not before this time (a retry's backoff). For a waiting step: its timer or deadline.</summary>
    public DateTimeOffset? ReadyAt { get; set; }

    public JsonNode? Output { get; set; }

    public ErrorInfo? Error { get; set; }

    /// <summary>What the engine keeps between activations: foreach items, an approval request, a wait's events.</summary>
    public JsonObject? State { get; set; }

    /// <summary>Who or what decided the outcome, such as <c>user:ana</c> for an approval.</summary>
    public string? Actor { get; set; }

    /// <summary>
    /// True for a journal entry: work a step recorded through <see cref="Baton.Steps.StepContext.RunOnceAsync(string, string, Func{CancellationToken, Task{Baton.Steps.JournalEntry}}, CancellationToken)"/> (a model turn,
    /// a tool call), stored as a child of that step with a negative <see cref="Ordinal"/>. Its <see cref="StepId"/> is the
    /// entry's name, not a step of the definition.
    /// </summary>
    public bool IsJournalEntry => Ordinal < 0;

    public bool IsTerminal => Status is StepStatus.Completed or StepStatus.Failed or StepStatus.Skipped or StepStatus.Cancelled or StepStatus.Compensated;

    public StepExecutionRecord Clone() => (StepExecutionRecord)MemberwiseClone();
}

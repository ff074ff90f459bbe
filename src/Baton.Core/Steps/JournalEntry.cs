using System.Text.Json.Nodes;

namespace Baton.Steps;

/// <summary>What <see cref="StepContext.RunOnceAsync(string, string, Func{CancellationToken, Task{JournalEntry}}, CancellationToken)"/> records: an output, and an error when the work failed in a way that must be remembered.</summary>
/// <param name="Output">The result, replayed as is after a crash.</param>
/// <param name="Error">Set when the work failed; the entry is recorded as failed.</param>
/// <param name="Note">A sentence for the timeline, such as "Scripted response 2: no model was called."</param>
public sealed record JournalEntry(JsonNode? Output, ErrorInfo? Error = null, string? Note = null)
{
    public bool IsSuccess => Error is null;
}

using System.Text.Json.Nodes;

namespace Baton.Steps;

/// <summary>What <see cref="StepContext.RunOnceAsync"/> records: an output, and an error when the work failed in a way that must be remembered.</summary>
public sealed record JournalEntry(JsonNode? Output, ErrorInfo? Error = null)
{
    public bool IsSuccess => Error is null;
}

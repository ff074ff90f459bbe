using System.Text.Json.Nodes;

namespace Baton.Storage;

/// <summary>
/// Something delivered to a run from outside its own flow: an event, an approval decision, a cancellation, a child run's end.
/// Kept until the run consumes it, so an event that arrives before its wait starts is not lost.
/// </summary>
public sealed record SignalRecord
{
    /// <summary>Assigned by the store, increasing across the store.</summary>
    public long Id { get; init; }

    public required RunId RunId { get; init; }

    public required SignalKind Kind { get; init; }

    /// <summary>The event name; for other kinds, a descriptive name.</summary>
    public required string Name { get; init; }

    /// <summary>The step path the signal is for (an approval, a child's parent step); null for run-wide events.</summary>
    public string? Target { get; init; }

    public JsonNode? Data { get; init; }

    public string? Actor { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The step execution that consumed it; null while pending.</summary>
    public long? ConsumedBySeq { get; init; }
}

/// <summary>Persisted by number: never renumber.</summary>
public enum SignalKind
{
    Event = 1,
    Approval = 2,
    Cancel = 3,
    ChildCompleted = 4,
}

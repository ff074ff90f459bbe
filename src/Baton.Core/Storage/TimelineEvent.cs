using System.Text.Json.Nodes;

namespace Baton.Storage;

/// <summary>One entry of a run's timeline, appended in the same commit as the transition it describes.</summary>
public sealed record TimelineEvent
{
    public required RunId RunId { get; init; }

    /// <summary>Unique within the run, in order.</summary>
    public required long Seq { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>Such as <c>run.started</c>, <c>step.completed</c>, <c>approval.decided</c>. See <see cref="TimelineEventTypes"/>.</summary>
    public required string Type { get; init; }

    public long? StepSeq { get; init; }

    public string? Path { get; init; }

    public int? Attempt { get; init; }

    /// <summary>Who or what acted: <c>engine</c>, <c>worker:host/pid</c>, <c>user:ana</c>, <c>timer</c>.</summary>
    public string? Actor { get; init; }

    public string? Message { get; init; }

    public JsonNode? Data { get; init; }
}

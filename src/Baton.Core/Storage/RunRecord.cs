using System.Text.Json.Nodes;
using Baton.Steps;

namespace Baton.Storage;

/// <summary>The stored state of one run. Commits write the whole record.</summary>
public sealed class RunRecord
{
    public required RunId Id { get; init; }

    public required string WorkflowName { get; init; }

    /// <summary>The hash of the definition the run is pinned to.</summary>
    public required string DefinitionHash { get; init; }

    public RunStatus Status { get; set; } = RunStatus.Running;

    public JsonObject Inputs { get; set; } = [];

    /// <summary>Values set by <c>set</c> steps.</summary>
    public JsonObject Vars { get; set; } = [];

    /// <summary>The allow-listed environment, captured when the run started.</summary>
    public JsonObject Env { get; set; } = [];

    public JsonNode? Output { get; set; }

    public ErrorInfo? Error { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>When a worker should next pick the run up: now for ready work, a time for a timer, null when only an outside event can move it.</summary>
    public DateTimeOffset? ReadyAt { get; set; }

    /// <summary>For a child run: the parent run.</summary>
    public RunId? ParentRunId { get; init; }

    /// <summary>For a child run: the sequence number of the parent's <c>workflow</c> step execution.</summary>
    public long? ParentStepSeq { get; init; }

    /// <summary>The sequence number the next step execution will take.</summary>
    public long NextStepSeq { get; set; } = 1;

    /// <summary>The sequence number the next timeline event will take.</summary>
    public long NextEventSeq { get; set; } = 1;

    /// <summary>The highest signal id the engine has looked at for this run. A signal above it makes a released run ready again.</summary>
    public long SignalWatermark { get; set; }

    /// <summary>True once the run is undoing completed steps after a failure.</summary>
    public bool Compensating { get; set; }

    /// <summary>The worker that holds the run; null when free.</summary>
    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseExpiresAt { get; set; }

    /// <summary>The directory the definition was compiled in: where relative paths of <c>run</c> steps resolve.</summary>
    public string WorkingDirectory { get; init; } = "";

    public bool IsTerminal => Status is RunStatus.Completed or RunStatus.Failed or RunStatus.Cancelled;

    public RunRecord Clone() => (RunRecord)MemberwiseClone();
}

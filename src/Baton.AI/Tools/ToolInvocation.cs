using Baton.Steps;

namespace Baton.AI.Tools;

/// <summary>One call of a tool, within an agent step's attempt.</summary>
public sealed class ToolInvocation
{
    /// <summary>The agent step's context.</summary>
    public required StepContext Step { get; init; }

    /// <summary>The model's id for the tool call.</summary>
    public required string CallId { get; init; }

    /// <summary>The path of the child step execution that records the call, such as <c>draft/tool-2-kb_search</c>.</summary>
    public required string Path { get; init; }

    /// <summary>Stable across retries and crash recovery of the call: <c>{run}:{path}</c>. Sent as <c>Idempotency-Key</c> and <c>BATON_IDEMPOTENCY_KEY</c>.</summary>
    public string IdempotencyKey => $"{Step.RunId}:{Path}";
}

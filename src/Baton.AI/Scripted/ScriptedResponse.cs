using Baton.AI.Models;
using Baton.Definitions;

namespace Baton.AI.Scripted;

/// <summary>One response of a script, as written: anything left null takes the default described in docs/ai.md.</summary>
internal sealed record ScriptedResponse
{
    public required SourceLocation Location { get; init; }

    public ScriptCondition? When { get; init; }

    public string? Text { get; init; }

    public IReadOnlyList<ScriptedToolCall> ToolCalls { get; init; } = [];

    public IReadOnlyList<TokenLogProb>? LogProbs { get; init; }

    public long? InputTokens { get; init; }

    public long? OutputTokens { get; init; }

    public string? FinishReason { get; init; }

    public string? Model { get; init; }
}

using Baton.Steps;

namespace Baton.AI.Tools;

/// <summary>Turns the outcome of a reused step executor into a tool result.</summary>
internal static class StepOutcomes
{
    /// <summary>The output on success; on failure the error's code and message, with its details (such as the HTTP status and a prefix of the body) as the content.</summary>
    public static ToolResult ToToolResult(StepOutcome outcome)
        => outcome.Error is { } error
            ? ToolResult.Failure(error.Code, error.Message, error.Details)
            : ToolResult.Success(outcome.Output);
}

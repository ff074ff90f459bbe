using System.Text.Json.Nodes;

namespace Baton.Steps;

/// <summary>How an attempt ended: completed with an output, or failed with an error.</summary>
public sealed class StepOutcome
{
    private StepOutcome(JsonNode? output, ErrorInfo? error)
    {
        Output = output;
        Error = error;
    }

    public JsonNode? Output { get; }

    /// <summary>The error; null when the attempt completed.</summary>
    public ErrorInfo? Error { get; }

    public bool IsSuccess => Error is null;

    public static StepOutcome Completed(JsonNode? output) => new(output, null);

    public static StepOutcome Failed(ErrorInfo error) => new(null, error ?? throw new ArgumentNullException(nameof(error)));

    public static StepOutcome Failed(string code, string message, bool retryable = true, JsonNode? details = null)
        => new(null, new ErrorInfo(code, message) { Retryable = retryable, Details = details });
}

using System.Text.Json.Nodes;

namespace Baton.Steps;

/// <summary>Thrown by a step executor to fail the attempt with a specific error code.</summary>
public sealed class StepFailedException(string code, string message, bool retryable = true, JsonNode? details = null, Exception? innerException = null)
    : BatonException(message, innerException)
{
    public string Code { get; } = code;

    public bool Retryable { get; } = retryable;

    public JsonNode? Details { get; } = details;

    public override bool IsTransient => Retryable;

    public ErrorInfo ToErrorInfo() => new(Code, Message) { Retryable = Retryable, Details = Details };
}

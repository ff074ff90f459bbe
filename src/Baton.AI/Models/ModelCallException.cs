namespace Baton.AI.Models;

/// <summary>A model call failed. <see cref="Code"/> is one of <see cref="AIErrorCodes"/>; the message names the provider and model, never a key or a prompt.</summary>
public sealed class ModelCallException(string code, string message, bool retryable, Exception? innerException = null)
    : BatonException(message, innerException)
{
    public string Code { get; } = code;

    public override bool IsTransient => retryable;
}

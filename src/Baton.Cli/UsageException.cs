namespace Baton.Cli;

/// <summary>A mistake in how a command was called, such as a malformed <c>--input</c>; <see cref="Code"/> is the code <c>--json</c> reports.</summary>
internal sealed class UsageException(string message, string code = "usage") : BatonException(message)
{
    public string Code { get; } = code;
}

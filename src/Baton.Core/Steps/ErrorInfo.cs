using System.Text.Json.Nodes;

namespace Baton.Steps;

/// <summary>A step's or a run's error: a stable code, a message for people, and optional details.</summary>
/// <param name="Code">A dotted code such as <c>timeout</c>, <c>http.status.503</c> or <c>run.exit-code</c>. See <c>docs/errors.md</c>.</param>
/// <param name="Message">A full sentence, with secrets masked.</param>
public sealed record ErrorInfo(string Code, string Message)
{
    /// <summary>Whether trying again unchanged can succeed. Retry policies without an explicit <c>on</c> list retry only these.</summary>
    public bool Retryable { get; init; } = true;

    /// <summary>Structured context, such as the HTTP status and a prefix of the body.</summary>
    public JsonNode? Details { get; init; }

    public override string ToString() => $"{Code}: {Message}";
}

namespace Baton.Definitions;

/// <summary>A problem found in a workflow definition, with a stable code (<c>BATONnnn</c>) and a location.</summary>
/// <remarks>Every code is documented in <c>docs/errors.md</c>.</remarks>
public sealed record Diagnostic(string Code, DiagnosticSeverity Severity, string Message, SourceLocation Location)
{
    /// <summary>Formats as <c>FILE:LINE:COL: error BATONnnn: message</c>, the shape compilers and editors understand.</summary>
    public override string ToString()
        => $"{Location}: {(Severity == DiagnosticSeverity.Error ? "error" : "warning")} {Code}: {Message}";
}

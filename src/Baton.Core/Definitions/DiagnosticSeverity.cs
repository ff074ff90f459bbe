namespace Baton.Definitions;

public enum DiagnosticSeverity
{
    Error = 1,
    Warning = 2,
}

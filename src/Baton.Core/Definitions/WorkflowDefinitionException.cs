namespace Baton.Definitions;

/// <summary>Thrown when a workflow definition has errors. <see cref="Diagnostics"/> holds every one of them.</summary>
public sealed class WorkflowDefinitionException : BatonException
{
    public WorkflowDefinitionException(IReadOnlyList<Diagnostic> diagnostics)
        : base(FormatMessage(diagnostics))
    {
        Diagnostics = diagnostics;
    }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    private static string FormatMessage(IReadOnlyList<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        return errors.Count == 1
            ? $"The workflow definition has an error: {errors[0]}"
            : $"The workflow definition has {errors.Count} errors:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}";
    }
}

using System.Text.Json.Nodes;

namespace Baton.Definitions;

/// <summary>
/// Turns workflow YAML into a validated, hashed <see cref="WorkflowDefinition"/>, reporting every problem at once.
/// </summary>
/// <remarks>
/// The compiler never throws for bad input: every problem, including malformed YAML, becomes a
/// <see cref="Diagnostic"/> with a file, line and column. It is thread-safe and deterministic: the same
/// bundle always gives the same definition and hash.
/// </remarks>
public sealed partial class WorkflowCompiler
{
    public WorkflowCompiler(WorkflowCompilerOptions? options = null)
    {
        Options = options ?? new WorkflowCompilerOptions();
    }

    public WorkflowCompilerOptions Options { get; }

    /// <summary>Reads a workflow file, and the files of the child workflows it calls, and compiles them.</summary>
    public CompilationResult CompileFile(string path) => throw new NotImplementedException();

    /// <summary>Compiles a bundle, such as one a run is pinned to.</summary>
    public CompilationResult Compile(DefinitionBundle bundle) => throw new NotImplementedException();
}

/// <summary>Settings for <see cref="WorkflowCompiler"/>.</summary>
public sealed class WorkflowCompilerOptions
{
    /// <summary>
    /// Step kinds served by an <see cref="Baton.Steps.IStepExecutor"/> beyond the built-in ones, each with an optional
    /// JSON Schema for its configuration. Default: none.
    /// </summary>
    public IReadOnlyDictionary<string, JsonObject?> CustomKinds { get; init; } = new Dictionary<string, JsonObject?>();

    /// <summary>The largest workflow file accepted, in bytes. Default 1 MiB.</summary>
    public int MaxFileBytes { get; init; } = 1024 * 1024;
}

/// <summary>The outcome of compiling a workflow.</summary>
public sealed class CompilationResult
{
    public CompilationResult(WorkflowDefinition? definition, IReadOnlyList<Diagnostic> diagnostics)
    {
        Definition = diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) ? null : definition;
        Diagnostics = diagnostics;
    }

    /// <summary>The definition; null when there are errors.</summary>
    public WorkflowDefinition? Definition { get; }

    /// <summary>Every error and warning, in file order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public bool Success => Definition is not null;

    /// <summary>Returns the definition, or throws with every diagnostic.</summary>
    /// <exception cref="WorkflowDefinitionException">The definition has errors.</exception>
    public WorkflowDefinition GetDefinitionOrThrow() => Definition ?? throw new WorkflowDefinitionException(Diagnostics);
}

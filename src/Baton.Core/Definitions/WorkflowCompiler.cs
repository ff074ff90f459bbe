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
    /// <exception cref="ArgumentOutOfRangeException"><see cref="WorkflowCompilerOptions.MaxFileBytes"/> is not positive.</exception>
    /// <exception cref="ArgumentException"><see cref="WorkflowCompilerOptions.CustomKinds"/> is null.</exception>
    public WorkflowCompiler(WorkflowCompilerOptions? options = null)
    {
        Options = options ?? new WorkflowCompilerOptions();
        if (Options.MaxFileBytes <= 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options),
                Options.MaxFileBytes,
                $"WorkflowCompilerOptions.MaxFileBytes must be a positive number of bytes, not {Options.MaxFileBytes}; leave it unset for the default of 1 MiB.");
        }

        if (Options.CustomKinds is null)
        {
            throw new ArgumentException("WorkflowCompilerOptions.CustomKinds must not be null; leave it unset for no custom kinds.", nameof(options));
        }
    }

    public WorkflowCompilerOptions Options { get; }

    /// <summary>The name of the project config file, found in a workflow's directory or the nearest parent: <c>baton.yaml</c>.</summary>
    public const string ProjectFileName = Compiler.Language.ModelSpecs.ProjectFileName;

    /// <summary>
    /// Reads a workflow file and everything it depends on (the child workflows it calls, the project config
    /// <c>baton.yaml</c> of each, found in its directory or the nearest parent, and the scripts their models name) and
    /// compiles them into one definition whose bundle holds all of their texts.
    /// </summary>
    /// <param name="path">The file's path; diagnostics name the file exactly as given here (a relative path stays relative).</param>
    /// <remarks>An unreadable file gives a diagnostic at <c>path:1:1</c>; nothing is thrown for bad input.</remarks>
    public CompilationResult CompileFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return CompileFileCore(path);
    }

    /// <summary>
    /// Checks a project config file (<c>baton.yaml</c>) on its own: its <c>models</c>, <c>providers</c> and <c>prices</c>,
    /// and that the scripts its models name can be read. A workflow file compiles its project config too; this is for
    /// checking the config where no workflow is at hand, as <c>baton validate baton.yaml</c> does.
    /// </summary>
    /// <param name="path">The file's path; diagnostics name the file exactly as given here.</param>
    /// <returns>Every problem found, with its location; the config is valid when none is an error.</returns>
    public IReadOnlyList<Diagnostic> CheckProjectFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return CheckProjectFileCore(path);
    }

    /// <summary>Compiles a bundle, such as one a run is pinned to.</summary>
    /// <remarks>
    /// Reads only the bundle's texts, never the disk, and gives the same definition and hash as compiling the files
    /// the bundle was made from. The root's project config is the one <see cref="DefinitionBundle.ProjectFile"/>
    /// records. Diagnostics name files by their keys in the bundle.
    /// </remarks>
    public CompilationResult Compile(DefinitionBundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var result = CompileBundleCore(bundle);
        return result.Definition is { } definition && bundle.ModelOverrides is { Count: > 0 }
            ? new CompilationResult(definition.WithModelOverrides(definition.Source with { ModelOverrides = bundle.ModelOverrides }), result.Diagnostics)
            : result;
    }

    /// <summary>
    /// The definition with some model aliases replaced (<c>baton run --model ALIAS=provider/model</c>): a definition of its
    /// own, with its own hash, so that its runs stay pinned to the replaced models.
    /// </summary>
    public static WorkflowDefinition WithModelOverrides(WorkflowDefinition definition, IReadOnlyDictionary<string, string> overrides)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(overrides);
        return overrides.Count == 0
            ? definition
            : definition.WithModelOverrides(definition.Source with { ModelOverrides = new Dictionary<string, string>(overrides, StringComparer.Ordinal) });
    }
}

/// <summary>Settings for <see cref="WorkflowCompiler"/>.</summary>
public sealed class WorkflowCompilerOptions
{
    /// <summary>
    /// Step kinds served by an <see cref="Baton.Steps.IStepExecutor"/> beyond the built-in ones, each with an optional
    /// JSON Schema for its configuration. Default: none.
    /// </summary>
    public IReadOnlyDictionary<string, JsonObject?> CustomKinds { get; init; } = new Dictionary<string, JsonObject?>();

    /// <summary>The largest file accepted (a workflow, a project config or a script), in bytes. Default 1 MiB.</summary>
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

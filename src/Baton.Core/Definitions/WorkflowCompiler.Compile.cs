using Baton.Definitions.Compiler;
using Baton.Definitions.Compiler.Sources;

namespace Baton.Definitions;

public sealed partial class WorkflowCompiler
{
    private CompilationResult CompileFileCore(string path)
    {
        if (Locate(path, "workflow file") is { } problem)
        {
            return problem;
        }

        var fullPath = Path.GetFullPath(path);
        return Guarded(path, () => new CompilationSession(Options, new DiskWorkflowSource(Path.GetDirectoryName(fullPath)!, Options.MaxFileBytes), Path.GetFileName(fullPath), path).Compile());
    }

    private IReadOnlyList<Diagnostic> CheckProjectFileCore(string path)
    {
        if (Locate(path, "project config file") is { } problem)
        {
            return problem.Diagnostics;
        }

        var fullPath = Path.GetFullPath(path);
        return Guarded(path, () => new CompilationResult(null,
            new CompilationSession(Options, new DiskWorkflowSource(Path.GetDirectoryName(fullPath)!, Options.MaxFileBytes), Path.GetFileName(fullPath), path).CompileProjectFile())).Diagnostics;
    }

    /// <summary>A failed result when <paramref name="path"/> cannot name a file; null when it can.</summary>
    private static CompilationResult? Locate(string path, string what)
    {
        string fullPath;
        try
        {
            fullPath = Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return Failed(DiagnosticCodes.FileUnreadable, path, $"The {what} cannot be read: '{path}' is not a valid path.");
        }

        return Path.GetDirectoryName(fullPath) is null || Path.GetFileName(fullPath).Length == 0
            ? Failed(DiagnosticCodes.FileUnreadable, path, $"The {what} cannot be read: '{path}' names a directory, not a file.")
            : null;
    }

    private CompilationResult CompileBundleCore(DefinitionBundle bundle)
        => Guarded(bundle.RootFile, () => new CompilationSession(Options, new BundleWorkflowSource(bundle, Options.MaxFileBytes), bundle.RootFile, bundle.RootFile).Compile());

    /// <summary>Turns a compiler bug into a diagnostic, so that no input can make compilation throw.</summary>
    private static CompilationResult Guarded(string file, Func<CompilationResult> compile)
    {
        try
        {
            return compile();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return Failed(
                DiagnosticCodes.InternalError,
                file,
                $"The compiler failed unexpectedly ({ex.GetType().Name}: {ex.Message}). This is a bug in Baton; please report it with the workflow file.");
        }
    }

    private static CompilationResult Failed(string code, string file, string message)
        => new(null, [new Diagnostic(code, DiagnosticSeverity.Error, message, new SourceLocation(file, 1, 1))]);
}

using Baton.Definitions.Compiler;
using Baton.Definitions.Compiler.Sources;

namespace Baton.Definitions;

public sealed partial class WorkflowCompiler
{
    private CompilationResult CompileFileCore(string path)
    {
        string fullPath;
        try
        {
            fullPath = Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return Failed(DiagnosticCodes.FileUnreadable, path, $"The workflow file cannot be read: '{path}' is not a valid path.");
        }

        var directory = Path.GetDirectoryName(fullPath);
        var fileName = Path.GetFileName(fullPath);
        if (directory is null || fileName.Length == 0)
        {
            return Failed(DiagnosticCodes.FileUnreadable, path, $"The workflow file cannot be read: '{path}' names a directory, not a file.");
        }

        return Guarded(path, () => new CompilationSession(Options, new DiskWorkflowSource(directory, Options.MaxFileBytes), fileName, path).Compile());
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

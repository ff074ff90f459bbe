using Baton.Definitions.Compiler.Binding;
using Baton.Definitions.Compiler.Sources;
using Baton.Definitions.Compiler.Yaml;

namespace Baton.Definitions.Compiler;

internal sealed partial class CompilationSession
{
    private readonly Dictionary<string, ProjectOutcome> _projects = new(StringComparer.Ordinal);

    /// <summary>Finds and compiles (once) the project config that applies to the workflow file <paramref name="key"/>, adding its files to <paramref name="closure"/>.</summary>
    private ProjectOutcome? ProjectFor(string key, ISet<string> closure)
    {
        if (_source.FindProjectFile(key) is not { } projectKey)
        {
            return null;
        }

        if (!_projects.TryGetValue(projectKey, out var outcome))
        {
            outcome = CompileProject(projectKey);
            _projects[projectKey] = outcome;
        }

        closure.UnionWith(outcome.Closure);
        return outcome;
    }

    /// <summary>Compiles the root file as a project config on its own: its models, providers and prices, and the scripts they name.</summary>
    public IReadOnlyList<Diagnostic> CompileProjectFile()
    {
        CompileProject(_rootKey);
        return _diagnostics.ToSortedList();
    }

    private ProjectOutcome CompileProject(string key)
    {
        var display = FileKeys.Display(_rootDisplay, _rootKey, key);
        _diagnostics.RegisterFile(display);
        var read = _source.Read(key);
        if (read.Text is null)
        {
            var (code, what) = read.Problem == SourceProblem.TooLarge
                ? (DiagnosticCodes.FileTooLarge, "is too large")
                : (DiagnosticCodes.FileUnreadable, "cannot be read");
            _diagnostics.Error(code, new SourceLocation(display, 1, 1), $"The project config file {what}: {read.Detail}.");
            return new ProjectOutcome(key, null, Valid: false, new HashSet<string>(StringComparer.Ordinal));
        }

        _texts[key] = read.Text;
        var errorsBefore = _diagnostics.ErrorCount;
        var scope = new FileScope(this, key);
        var root = YamlReader.Read(read.Text, display, _diagnostics, allowEmpty: true);
        var config = ProjectConfigBinder.Bind(root, _diagnostics, scope, ModelsBinder.KnownProviders(_options));
        scope.Closure.Add(key);
        return new ProjectOutcome(key, config, Valid: config is not null && _diagnostics.ErrorCount == errorsBefore, scope.Closure);
    }

    /// <summary>Reads a script named in the file <paramref name="fromKey"/> into the bundle; returns its key, or null after reporting why it cannot be read.</summary>
    private string? ReadScript(string fromKey, string path, ScalarNode pathNode, ISet<string> closure)
    {
        var key = FileKeys.Resolve(_source.BaseDirectory, fromKey, path);
        if (key is null)
        {
            _diagnostics.Error(DiagnosticCodes.ScriptNotFound, pathNode.Location, $"'{path}' is not a valid file path.");
            return null;
        }

        if (!_texts.ContainsKey(key))
        {
            var read = _source.Read(key);
            if (read.Text is null)
            {
                var (code, what) = read.Problem switch
                {
                    SourceProblem.NotFound => (DiagnosticCodes.ScriptNotFound, "cannot be found"),
                    SourceProblem.TooLarge => (DiagnosticCodes.FileTooLarge, "is too large"),
                    _ => (DiagnosticCodes.FileUnreadable, "cannot be read"),
                };
                _diagnostics.Error(code, pathNode.Location, $"The script '{path}' {what}: {read.Detail}. Paths are relative to this file.");
                return null;
            }

            _texts[key] = read.Text;
        }

        closure.Add(key);
        return key;
    }

    /// <summary>A compiled project config: its key, its sections (null when it is not a mapping), and the files it brings (itself and its scripts).</summary>
    private sealed record ProjectOutcome(string Key, BoundProject? Config, bool Valid, IReadOnlySet<string> Closure);
}

using System.Text.Json.Nodes;
using Baton.Definitions.Compiler.Binding;
using Baton.Definitions.Compiler.Sources;
using Baton.Definitions.Compiler.Validation;
using Baton.Definitions.Compiler.Yaml;

namespace Baton.Definitions.Compiler;

/// <summary>
/// One compilation: the root file and, recursively, the child workflows it calls, with the project config of each and
/// the scripts their models name. Each file is compiled (or read) once; its text goes into the bundle of every
/// definition that depends on it.
/// </summary>
internal sealed partial class CompilationSession
{
    private readonly WorkflowCompilerOptions _options;
    private readonly IWorkflowSource _source;
    private readonly string _rootDisplay;
    private readonly string _rootKey;
    private readonly DiagnosticBag _diagnostics = new();
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FileOutcome> _done = new(StringComparer.Ordinal);
    private readonly List<string> _inProgress = [];

    public CompilationSession(WorkflowCompilerOptions options, IWorkflowSource source, string rootKey, string rootDisplay)
    {
        _options = options;
        _source = source;
        _rootKey = rootKey;
        _rootDisplay = rootDisplay;
    }

    public CompilationResult Compile()
    {
        _diagnostics.RegisterFile(_rootDisplay);
        var read = _source.Read(_rootKey);
        if (read.Text is null)
        {
            var (code, what) = read.Problem == SourceProblem.TooLarge
                ? (DiagnosticCodes.FileTooLarge, "is too large")
                : (DiagnosticCodes.FileUnreadable, "cannot be read");
            _diagnostics.Error(code, new SourceLocation(_rootDisplay, 1, 1), $"The workflow file {what}: {read.Detail}.");
            return new CompilationResult(null, _diagnostics.ToSortedList());
        }

        var outcome = CompileText(_rootKey, read.Text);
        return new CompilationResult(outcome.Definition, _diagnostics.ToSortedList());
    }

    private FileOutcome CompileText(string key, string text)
    {
        var display = FileKeys.Display(_rootDisplay, _rootKey, key);
        _diagnostics.RegisterFile(display);
        _texts[key] = text;
        _inProgress.Add(key);
        var errorsBefore = _diagnostics.ErrorCount;
        var scope = new FileScope(this, key);
        var project = ProjectFor(key, scope.Closure);

        var root = YamlReader.Read(text, display, _diagnostics);
        var bound = WorkflowBinder.Bind(root, display, _diagnostics, _options, scope, scope);
        if (bound is not null)
        {
            var steps = StepIdValidator.Check(bound.StepIds, _diagnostics);
            GotoValidator.Check(bound.Gotos, steps, _diagnostics);
            new ReferenceValidator(bound, steps, _diagnostics).Check();
            CustomConfigValidator.Check(bound.CustomConfigs, _diagnostics);
            ModelsBinder.CheckStepModels(bound.CustomConfigs, AliasesOf(bound, project), ModelsBinder.KnownProviders(_options), _diagnostics);
        }

        _inProgress.RemoveAt(_inProgress.Count - 1);
        var closure = new SortedSet<string>(scope.Closure, StringComparer.Ordinal) { key };
        var definition = bound is not null && _diagnostics.ErrorCount == errorsBefore && project?.Valid != false ? Build(key, bound, closure, project) : null;
        var outcome = new FileOutcome(definition, closure);
        _done[key] = outcome;
        return outcome;
    }

    private WorkflowDefinition? CompileChild(string fromKey, string path, ScalarNode pathNode, ISet<string> closure)
    {
        var key = FileKeys.Resolve(_source.BaseDirectory, fromKey, path);
        if (key is null)
        {
            _diagnostics.Error(DiagnosticCodes.ChildNotFound, pathNode.Location, $"'{path}' is not a valid file path.");
            return null;
        }

        if (_inProgress.Contains(key))
        {
            var cycle = _inProgress.Skip(_inProgress.IndexOf(key)).Append(key).Select(k => FileKeys.Display(_rootDisplay, _rootKey, k));
            _diagnostics.Error(
                DiagnosticCodes.ChildCycle,
                pathNode.Location,
                $"The workflow calls itself: {string.Join(" -> ", cycle)}. A workflow cannot run itself as a child, directly or through others.");
            return null;
        }

        if (!_done.TryGetValue(key, out var outcome))
        {
            var read = _source.Read(key);
            if (read.Text is null)
            {
                ReportUnreadableChild(path, pathNode, read);
                return null;
            }

            outcome = CompileText(key, read.Text);
        }

        closure.UnionWith(outcome.Closure);
        return outcome.Definition;
    }

    private void ReportUnreadableChild(string path, ScalarNode pathNode, SourceRead read)
    {
        var (code, what) = read.Problem switch
        {
            SourceProblem.NotFound => (DiagnosticCodes.ChildNotFound, "cannot be found"),
            SourceProblem.TooLarge => (DiagnosticCodes.FileTooLarge, "is too large"),
            _ => (DiagnosticCodes.FileUnreadable, "cannot be read"),
        };
        _diagnostics.Error(code, pathNode.Location, $"The child workflow '{path}' {what}: {read.Detail}. Paths are relative to this file.");
    }

    private WorkflowDefinition Build(string key, BoundWorkflow bound, IEnumerable<string> closure, ProjectOutcome? project)
    {
        // A child's bundle is rooted at the child's own directory: every key, script keys included, is made relative to it.
        var isRoot = key == _rootKey;
        Func<string, string> rebase = isRoot ? k => k : k => FileKeys.Relative(_source.BaseDirectory, key, k);
        var projectFile = project is null ? null : rebase(project.Key);
        var bundle = new DefinitionBundle(
            isRoot ? key : FileKeys.FileNameOf(key),
            isRoot ? _source.BaseDirectory : Path.GetFullPath(Path.Combine(_source.BaseDirectory, FileKeys.DirectoryOf(key))),
            closure.ToDictionary(rebase, k => _texts[k], StringComparer.Ordinal),
            projectFile);
        return new WorkflowDefinition
        {
            Name = bound.Name,
            Version = bound.Version,
            Description = bound.Description,
            InputSchema = bound.InputSchema,
            Env = bound.Env,
            Secrets = bound.Secrets,
            Steps = bound.Steps,
            Models = ModelScripts.Rebase(bound.Models, rebase),
            Project = project?.Config is { } config
                ? new ProjectConfig(projectFile!, ModelScripts.Rebase(config.Models, rebase), (JsonObject?)config.Providers?.DeepClone(), (JsonObject?)config.Prices?.DeepClone())
                : null,
            Outputs = bound.Outputs,
            Hash = bundle.ComputeHash(),
            Source = bundle,
            Location = bound.Location,
        };
    }

    /// <summary>The model aliases a file's steps may use; null when its project config could not be read, so they are unknown.</summary>
    private static HashSet<string>? AliasesOf(BoundWorkflow bound, ProjectOutcome? project)
        => project is { Config: null }
            ? null
            : [.. (bound.Models?.Select(m => m.Key) ?? []).Concat(project?.Config?.Models?.Select(m => m.Key) ?? [])];

    private sealed record FileOutcome(WorkflowDefinition? Definition, IReadOnlySet<string> Closure);

    /// <summary>The child workflows and scripts of one file, and the files they depend on.</summary>
    private sealed class FileScope(CompilationSession session, string key) : IChildCompiler, IScriptReader
    {
        public HashSet<string> Closure { get; } = new(StringComparer.Ordinal);

        public WorkflowDefinition? CompileChild(string path, ScalarNode pathNode) => session.CompileChild(key, path, pathNode, Closure);

        public string? ReadScript(string path, ScalarNode pathNode) => session.ReadScript(key, path, pathNode, Closure);
    }
}

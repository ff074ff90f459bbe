using Baton.Definitions.Compiler.Language;
using Baton.Definitions.Compiler.Yaml;

namespace Baton.Definitions.Compiler.Binding;

/// <summary>
/// Binds the syntax tree of one workflow file to the definition model, reporting every structural problem.
/// Templates are parsed here and recorded with their scalar and step, for the validators to check afterwards.
/// </summary>
/// <remarks>
/// Binding goes on past errors so that one pass reports them all; the objects built from a file with errors are
/// never handed out (the compilation result has no definition then).
/// </remarks>
internal sealed partial class WorkflowBinder
{
    private readonly string _file;
    private readonly DiagnosticBag _diagnostics;
    private readonly WorkflowCompilerOptions _options;
    private readonly IChildCompiler _children;
    private readonly NodeChecks _checks;
    private readonly ModelsBinder _models;
    private readonly List<TemplateSite> _templates = [];
    private readonly List<GotoSite> _gotos = [];
    private readonly List<StepIdSite> _stepIds = [];
    private readonly List<CustomConfigSite> _customConfigs = [];
    private RetryPolicy? _defaultRetry;
    private TimeSpan? _defaultTimeout;

    private WorkflowBinder(string file, DiagnosticBag diagnostics, WorkflowCompilerOptions options, IChildCompiler children, IScriptReader scripts)
    {
        _file = file;
        _diagnostics = diagnostics;
        _options = options;
        _children = children;
        _checks = new NodeChecks(diagnostics);
        _models = new ModelsBinder(_checks, scripts, ModelsBinder.KnownProviders(options));
    }

    /// <summary>Binds a file's root node. Null when the file holds no workflow mapping at all.</summary>
    public static BoundWorkflow? Bind(SyntaxNode? root, string file, DiagnosticBag diagnostics, WorkflowCompilerOptions options, IChildCompiler children, IScriptReader scripts)
        => new WorkflowBinder(file, diagnostics, options, children, scripts).BindWorkflow(root);

    private BoundWorkflow? BindWorkflow(SyntaxNode? root)
    {
        switch (root)
        {
            case null:
                return null;
            case ScalarNode { IsNull: true }:
                _diagnostics.Error(DiagnosticCodes.EmptyFile, root.Location, "The file holds no workflow; it needs at least 'name' and 'steps'.");
                return null;
            case not MappingNode:
                _diagnostics.Error(DiagnosticCodes.WrongType, root.Location, $"A workflow must be a mapping with keys such as 'name' and 'steps', not {root.Describe()}.");
                return null;
        }

        var map = (MappingNode)root;
        CheckKeys(map, LanguageSpec.Workflow);
        BindDefaults(map["defaults"]);
        var (inputSchema, inputNames) = map.Find("inputs") is { } inputs ? Validation.InputSchemaChecker.Check(inputs.Value, _diagnostics) : ((System.Text.Json.Nodes.JsonObject?)null, (IReadOnlySet<string>?)null);
        return new BoundWorkflow
        {
            Name = BindName(map["name"]),
            Version = map["version"] is { } version ? BindVersion(version) : null,
            Description = map["description"] is { } description ? FixedText(description, "description") : null,
            InputSchema = inputSchema,
            InputNames = inputNames,
            Env = BindEnv(map["env"]),
            Secrets = map["secrets"] is { } secrets ? BindNames(secrets, "secrets", "secret").Select(n => n.Name).ToList() : [],
            Steps = BindSequence(map["steps"], "steps", SequenceRole.Root, 0),
            Models = map["models"] is { } models ? _models.Bind(models) : null,
            Outputs = map["outputs"] is { } outputs and not ScalarNode { IsNull: true } ? BuildValue(outputs, null, SiteKind.WorkflowOutputs) : null,
            Location = map.Location,
            Templates = _templates,
            Gotos = _gotos,
            StepIds = _stepIds,
            CustomConfigs = _customConfigs,
        };
    }

    private string BindName(SyntaxNode? node)
    {
        if (node is null || Text(node, "name") is not { } name)
        {
            return string.Empty;
        }

        if (!Regexes.WorkflowName().IsMatch(name))
        {
            _diagnostics.Error(
                DiagnosticCodes.InvalidWorkflowName,
                node.Location,
                $"'{name}' is not a valid workflow name; use letters, digits, '-', '_' and '.', starting with a letter.");
        }

        return name;
    }

    private string? BindVersion(SyntaxNode node)
    {
        if (node is ScalarNode { Kind: ScalarKind.String or ScalarKind.Integer or ScalarKind.Float } scalar)
        {
            return scalar.Value;
        }

        WrongType(node, "version", "a string or a number");
        return null;
    }

    private void BindDefaults(SyntaxNode? node)
    {
        if (node is null || Mapping(node, "defaults") is not { } map)
        {
            return;
        }

        CheckKeys(map, LanguageSpec.Defaults);
        _defaultRetry = map["retry"] is { } retry ? BindRetry(retry) : null;
        _defaultTimeout = map["timeout"] is { } timeout ? DurationValue(timeout, "timeout", allowZero: false) : null;
    }
}

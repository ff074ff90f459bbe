using System.Text.Json.Nodes;
using Baton.Expressions;

namespace Baton.Definitions;

/// <summary>
/// A compiled, validated and immutable workflow. Produced by <see cref="WorkflowCompiler"/>; a run is pinned to its <see cref="Hash"/>.
/// </summary>
public sealed class WorkflowDefinition
{
    private Dictionary<string, StepDefinition>? _stepsById;

    public required string Name { get; init; }

    public string? Version { get; init; }

    public string? Description { get; init; }

    /// <summary>The JSON Schema that a run's inputs must match; null accepts any object.</summary>
    public JsonObject? InputSchema { get; init; }

    /// <summary>The environment variables that expressions may read as <c>env.NAME</c>: the allow-list.</summary>
    public IReadOnlyList<EnvVariable> Env { get; init; } = [];

    /// <summary>The secrets that expressions may read as <c>secrets.NAME</c>: the allow-list.</summary>
    public IReadOnlyList<string> Secrets { get; init; } = [];

    /// <summary>The top-level steps, run in order.</summary>
    public required StepSequence Steps { get; init; }

    /// <summary>The workflow's <c>models:</c> section, validated: alias to <c>provider/model</c> or to a mapping (see docs/ai.md).</summary>
    /// <remarks>
    /// Values are as written, except a scripted model's <c>script</c>, which is the script's key in
    /// <see cref="DefinitionBundle.Files"/> of <see cref="Source"/>. Null when the workflow has no <c>models:</c>. These
    /// aliases win over those of <see cref="Project"/>.
    /// </remarks>
    public JsonObject? Models { get; init; }

    /// <summary>
    /// The project config (<c>baton.yaml</c> in the workflow's directory or the nearest parent) that applied when the
    /// definition was compiled, validated: <c>models</c>, <c>providers</c> and <c>prices</c>. Null when there is none.
    /// </summary>
    /// <remarks>The file, and every script file its models name, is part of <see cref="Source"/>: a run is pinned to them.</remarks>
    public ProjectConfig? Project { get; init; }

    /// <summary>Aliases replaced for runs of this definition (<c>baton run --model ALIAS=provider/model</c>): part of the bundle, so pinned.</summary>
    public IReadOnlyDictionary<string, string>? ModelOverrides { get; init; }

    /// <summary>The run's output, rendered when the run completes; null gives a null output.</summary>
    public ValueTemplate? Outputs { get; init; }

    /// <summary>The content hash of <see cref="Source"/>: the lower-case hex SHA-256 of the bundle.</summary>
    public required string Hash { get; init; }

    /// <summary>The text this definition was compiled from, including the files of child workflows.</summary>
    public required DefinitionBundle Source { get; init; }

    /// <summary>Where the definition starts (its first line), for messages that are about the whole file.</summary>
    public SourceLocation Location { get; init; }

    /// <summary>Every step of the workflow, including nested and compensation steps, by id. Step ids are unique in a workflow.</summary>
    public IReadOnlyDictionary<string, StepDefinition> StepsById => _stepsById ??= Index();

    /// <summary>A copy pinned to <paramref name="bundle"/>, which differs from <see cref="Source"/> only in its model overrides.</summary>
    internal WorkflowDefinition WithModelOverrides(DefinitionBundle bundle) => new()
    {
        Name = Name,
        Version = Version,
        Description = Description,
        InputSchema = InputSchema,
        Env = Env,
        Secrets = Secrets,
        Steps = Steps,
        Models = Models,
        Project = Project,
        ModelOverrides = bundle.ModelOverrides,
        Outputs = Outputs,
        Hash = bundle.ComputeHash(),
        Source = bundle,
        Location = Location,
    };

    public StepDefinition GetStep(string id)
        => StepsById.TryGetValue(id, out var step)
            ? step
            : throw new KeyNotFoundException($"Workflow '{Name}' has no step '{id}'.");

    private Dictionary<string, StepDefinition> Index()
    {
        var result = new Dictionary<string, StepDefinition>(StringComparer.Ordinal);
        foreach (var step in Steps.Descendants())
        {
            result[step.Id] = step;
        }

        return result;
    }
}

using System.Text.Json.Nodes;
using Baton.Expressions;

namespace Baton.Definitions.Compiler.Binding;

/// <summary>One workflow file bound to the model, with what the validators need to check it.</summary>
internal sealed class BoundWorkflow
{
    public required string Name { get; init; }

    public string? Version { get; init; }

    public string? Description { get; init; }

    public JsonObject? InputSchema { get; init; }

    /// <summary>The input names the schema declares; null when any name may be passed.</summary>
    public IReadOnlySet<string>? InputNames { get; init; }

    public required IReadOnlyList<EnvVariable> Env { get; init; }

    public required IReadOnlyList<string> Secrets { get; init; }

    public required StepSequence Steps { get; init; }

    /// <summary>The <c>models:</c> section, validated; scripts are named by their keys in the compilation's bundle.</summary>
    public JsonObject? Models { get; init; }

    public ValueTemplate? Outputs { get; init; }

    public required SourceLocation Location { get; init; }

    public required IReadOnlyList<TemplateSite> Templates { get; init; }

    public required IReadOnlyList<GotoSite> Gotos { get; init; }

    public required IReadOnlyList<StepIdSite> StepIds { get; init; }

    public required IReadOnlyList<CustomConfigSite> CustomConfigs { get; init; }
}

using Baton.Expressions;

namespace Baton.Definitions;

/// <summary>
/// A step that does its work through an <see cref="Baton.Steps.IStepExecutor"/>: the built-in <c>http</c> and <c>run</c>
/// kinds and every custom kind. Its configuration is rendered just before each attempt.
/// </summary>
public sealed class ActionStep : StepDefinition
{
    public required string ActionKind { get; init; }

    public override string Kind => ActionKind;

    /// <summary>The value under the kind key, such as the mapping under <c>http:</c>.</summary>
    public required ValueTemplate Config { get; init; }

    /// <summary>
    /// The child workflows the configuration names as <c>workflow: { path: FILE }</c> at any depth (such as an agent's
    /// workflow tools), compiled and pinned with this definition, keyed by the path as written. Empty when there are none.
    /// </summary>
    public IReadOnlyDictionary<string, WorkflowDefinition> Workflows { get; init; } = new Dictionary<string, WorkflowDefinition>(StringComparer.Ordinal);
}

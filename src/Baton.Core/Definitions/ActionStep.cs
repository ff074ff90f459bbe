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
}

using Baton.Expressions;

namespace Baton.Definitions;

/// <summary>Picks the first case whose <c>when</c> is true (or the default) and either jumps with <c>goto</c> or runs the case's steps.</summary>
/// <remarks>Output: <c>{ "case": name-or-index, "output": output of the case's last step or null }</c>.</remarks>
public sealed class SwitchStep : StepDefinition
{
    public override string Kind => "switch";

    public required IReadOnlyList<SwitchCase> Cases { get; init; }

    public SwitchCase? Default { get; init; }

    protected override IEnumerable<StepSequence> NestedSequences
        => Cases.Append(Default).Select(c => c?.Steps).OfType<StepSequence>();
}

/// <summary>One case of a <see cref="SwitchStep"/>: exactly one of <see cref="Goto"/> and <see cref="Steps"/> is set.</summary>
public sealed class SwitchCase
{
    /// <summary>The case's name, used in the step's output; the case's index when not given.</summary>
    public string? Name { get; init; }

    /// <summary>The condition; null for the default case.</summary>
    public Template? When { get; init; }

    /// <summary>A step in the switch's own sequence to jump to.</summary>
    public string? Goto { get; init; }

    public StepSequence? Steps { get; init; }

    public required SourceLocation Location { get; init; }
}

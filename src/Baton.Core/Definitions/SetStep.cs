using Baton.Expressions;

namespace Baton.Definitions;

/// <summary>Computes values into the run's <c>vars</c>. Its output is the mapping of the values it set.</summary>
public sealed class SetStep : StepDefinition
{
    public override string Kind => "set";

    public required IReadOnlyList<KeyValuePair<string, ValueTemplate>> Values { get; init; }
}

using Baton.Expressions;

namespace Baton.Definitions;

/// <summary>Runs its body once per item of a list, at most <see cref="Concurrency"/> at a time. Output: the list of each body's last output, in item order.</summary>
public sealed class ForEachStep : StepDefinition
{
    /// <summary>The upper bound on <see cref="Concurrency"/>.</summary>
    public const int MaxConcurrency = 256;

    public override string Kind => "foreach";

    /// <summary>Evaluates to the list of items; evaluated once, when the step starts.</summary>
    public required Template Items { get; init; }

    /// <summary>How many items run at once. Default 1.</summary>
    public int Concurrency { get; init; } = 1;

    public required StepSequence Body { get; init; }

    protected override IEnumerable<StepSequence> NestedSequences => [Body];
}

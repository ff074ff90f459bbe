namespace Baton.Definitions;

/// <summary>Runs branches at once. Each branch is one step; a <see cref="GroupStep"/> makes a branch of several steps.</summary>
/// <remarks>
/// In <see cref="ParallelMode.All"/> the output maps each branch's id to its output, and the first failing branch
/// cancels the others. In <see cref="ParallelMode.Any"/> the first branch to complete wins: its output is the step's
/// output, the other branches are cancelled and the compensations of what they completed run.
/// </remarks>
public sealed class ParallelStep : StepDefinition
{
    public override string Kind => "parallel";

    public ParallelMode Mode { get; init; } = ParallelMode.All;

    /// <summary>Each branch is a sequence of exactly one step.</summary>
    public required IReadOnlyList<StepSequence> Branches { get; init; }

    protected override IEnumerable<StepSequence> NestedSequences => Branches;
}

public enum ParallelMode
{
    All = 1,
    Any = 2,
}

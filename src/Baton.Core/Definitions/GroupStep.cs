namespace Baton.Definitions;

/// <summary>Runs nested steps in order. Its output is the output of the last step that ran. This is how a parallel branch holds several steps.</summary>
public sealed class GroupStep : StepDefinition
{
    public override string Kind => "steps";

    public required StepSequence Body { get; init; }

    protected override IEnumerable<StepSequence> NestedSequences => [Body];
}

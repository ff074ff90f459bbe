using Baton.Expressions;

namespace Baton.Definitions;

/// <summary>Runs another workflow as a child run. The child's output becomes this step's output; a failed child fails this step.</summary>
public sealed class WorkflowCallStep : StepDefinition
{
    public override string Kind => "workflow";

    /// <summary>The child's file, as written: relative to the file that holds this step.</summary>
    public required string Path { get; init; }

    /// <summary>The compiled child, pinned with the parent's bundle.</summary>
    public required WorkflowDefinition Child { get; init; }

    public ValueTemplate? Inputs { get; init; }
}

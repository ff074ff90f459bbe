using Baton.Expressions;

namespace Baton.Definitions;

/// <summary>A step of a workflow, with the fields every kind shares.</summary>
public abstract class StepDefinition
{
    /// <summary>The default for <see cref="MaxIterations"/>.</summary>
    public const int DefaultMaxIterations = 100;

    /// <summary>The step's id: unique in the workflow, and the name expressions use in <c>steps.ID</c>.</summary>
    public required string Id { get; init; }

    /// <summary>A display name; the id when not given.</summary>
    public string? Name { get; init; }

    /// <summary>The kind key as written: <c>http</c>, <c>run</c>, <c>parallel</c>, or a custom kind.</summary>
    public abstract string Kind { get; }

    public required SourceLocation Location { get; init; }

    /// <summary>When present and false at the time the step is reached, the step is skipped.</summary>
    public Template? If { get; init; }

    /// <summary>The retry policy, with the workflow's defaults applied; null means one attempt.</summary>
    public RetryPolicy? Retry { get; init; }

    /// <summary>The limit on one attempt, with the workflow's default applied; null means no limit.</summary>
    public TimeSpan? Timeout { get; init; }

    public OnErrorPolicy OnError { get; init; } = OnErrorPolicy.Fail;

    /// <summary>Steps that undo this one. They run, in reverse order of completion, when the run fails after this step completed.</summary>
    public StepSequence? Compensate { get; init; }

    /// <summary>How many times this step may run in one pass of its sequence when <c>goto</c> loops back to it.</summary>
    public int MaxIterations { get; init; } = DefaultMaxIterations;

    /// <summary>The sequence that holds this step. Set by the compiler.</summary>
    public StepSequence Sequence { get; internal set; } = null!;

    /// <summary>This step's position in <see cref="Sequence"/>.</summary>
    public int Index { get; internal set; }

    /// <summary>The container step that holds this step's sequence; null at the top level.</summary>
    public StepDefinition? Parent => Sequence.Owner;

    /// <summary>The step after this one in its sequence, if any.</summary>
    public StepDefinition? Next => Index + 1 < Sequence.Count ? Sequence[Index + 1] : null;

    /// <summary>Sequences nested in this step: bodies, branches, cases and the compensation.</summary>
    public IEnumerable<StepSequence> ChildSequences
    {
        get
        {
            foreach (var sequence in NestedSequences)
            {
                yield return sequence;
            }

            if (Compensate is not null)
            {
                yield return Compensate;
            }
        }
    }

    /// <summary>The sequences this kind of step runs as part of its own execution.</summary>
    protected virtual IEnumerable<StepSequence> NestedSequences => [];

    public string DisplayName => Name ?? Id;

    public override string ToString() => $"{Kind} step '{Id}'";

    /// <summary>Links each nested sequence to this step. The compiler calls this once the step is built.</summary>
    internal void AdoptSequences()
    {
        foreach (var sequence in ChildSequences)
        {
            sequence.Owner = this;
        }
    }
}

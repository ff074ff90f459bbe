namespace Baton.Definitions;

/// <summary>
/// An ordered list of steps that run one after another: the workflow's top level, a parallel branch,
/// a foreach body, a switch case, a group's body, or a step's compensation.
/// </summary>
public sealed class StepSequence
{
    public StepSequence(IReadOnlyList<StepDefinition> steps, SequenceRole role, int ordinal = 0)
    {
        Steps = steps;
        Role = role;
        Ordinal = ordinal;
        for (var i = 0; i < steps.Count; i++)
        {
            steps[i].Sequence = this;
            steps[i].Index = i;
        }
    }

    public IReadOnlyList<StepDefinition> Steps { get; }

    /// <summary>What this sequence is to its owner.</summary>
    public SequenceRole Role { get; }

    /// <summary>The branch index or case index within the owner; 0 otherwise.</summary>
    public int Ordinal { get; }

    /// <summary>The step that owns this sequence; null for the workflow's top level.</summary>
    public StepDefinition? Owner { get; internal set; }

    public int Count => Steps.Count;

    public StepDefinition this[int index] => Steps[index];

    /// <summary>Every step in this sequence and below it (nested bodies and compensations), depth first in source order.</summary>
    public IEnumerable<StepDefinition> Descendants()
    {
        foreach (var step in Steps)
        {
            yield return step;
            foreach (var child in step.ChildSequences.SelectMany(s => s.Descendants()))
            {
                yield return child;
            }
        }
    }

    /// <summary>Finds a step by id in this sequence only (not nested ones).</summary>
    public StepDefinition? Find(string id) => Steps.FirstOrDefault(s => s.Id == id);
}

/// <summary>What a <see cref="StepSequence"/> is to the step that owns it.</summary>
public enum SequenceRole
{
    Root = 0,
    Branch = 1,
    Body = 2,
    Case = 3,
    DefaultCase = 4,
    Compensation = 5,
}

namespace Baton.Definitions.Compiler.Validation;

/// <summary>
/// Decides which steps are certain to have finished when a step runs: the earlier steps of its sequence and of every
/// enclosing sequence, and the steps nested in those (except foreach bodies, which run per item, and compensations,
/// which run only on failure). A compensation step also sees the step it undoes.
/// </summary>
internal sealed class StepVisibility
{
    private readonly Dictionary<(StepDefinition, bool), HashSet<StepDefinition>> _cache = [];

    public bool IsVisible(StepDefinition from, StepDefinition target, bool includeSelf)
    {
        if (!_cache.TryGetValue((from, includeSelf), out var visible))
        {
            visible = Compute(from, includeSelf);
            _cache[(from, includeSelf)] = visible;
        }

        return visible.Contains(target);
    }

    private static HashSet<StepDefinition> Compute(StepDefinition from, bool includeSelf)
    {
        var visible = new HashSet<StepDefinition>(ReferenceEqualityComparer.Instance);
        if (includeSelf)
        {
            AddFinished(from, visible);
        }

        for (var current = from; current is not null; current = current.Parent)
        {
            for (var i = 0; i < current.Index; i++)
            {
                AddFinished(current.Sequence[i], visible);
            }

            if (current.Sequence.Role == SequenceRole.Compensation && current.Parent is { } undone)
            {
                AddFinished(undone, visible);
            }
        }

        return visible;
    }

    private static void AddFinished(StepDefinition step, HashSet<StepDefinition> visible)
    {
        visible.Add(step);
        foreach (var sequence in step.ChildSequences)
        {
            if (sequence.Role == SequenceRole.Compensation || step is ForEachStep)
            {
                continue;
            }

            foreach (var child in sequence.Steps)
            {
                AddFinished(child, visible);
            }
        }
    }
}
